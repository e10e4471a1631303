package io.kaihui.protocol;

/**
 * Event: a participant of my meeting muted or unmuted, or turned the camera on or off.
 *
 * @param participant the participant's new state
 */
public record ParticipantUpdated(ParticipantInfo participant) implements ServerMessage {}
