package io.kaihui.protocol;

/**
 * Event: a participant left my meeting.
 *
 * @param participantId who left
 * @param reason {@code left} (they chose to), {@code disconnected} (their connection closed) or
 *     {@code timeout} (nothing heard from them for 25 s, or their media connection was lost);
 *     when the host ends the meeting everyone gets {@link MeetingEnded} instead
 */
public record ParticipantLeft(String participantId, String reason) implements ServerMessage {}
