package io.kaihui.protocol;

/**
 * Event: someone joined my meeting.
 *
 * @param participant who joined
 */
public record ParticipantJoined(ParticipantInfo participant) implements ServerMessage {}
