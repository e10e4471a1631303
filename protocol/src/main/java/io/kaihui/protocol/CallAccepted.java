package io.kaihui.protocol;

/**
 * Event: a call was accepted; on each signed-in socket of both people. The caller's page and
 * the page that accepted go to the meeting; the callee's other pages stop ringing.
 *
 * @param callId the call
 * @param meetingNumber its private meeting
 */
public record CallAccepted(long callId, String meetingNumber) implements ServerMessage {}
