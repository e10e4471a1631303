package io.kaihui.protocol;

/**
 * Event: a participant left my meeting.
 *
 * @param participantId who left
 * @param reason {@code left} (they chose to), {@code disconnected} (their connection closed) or
 *     {@code timeout} (nothing heard from them for 25 s) or {@code ended} (the host ended the
 *     meeting)
 */
public record ParticipantLeft(String participantId, String reason) implements ServerMessage {}
