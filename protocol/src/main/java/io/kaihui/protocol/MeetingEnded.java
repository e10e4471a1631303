package io.kaihui.protocol;

/**
 * Event: the meeting ended for everyone; the server has removed every participant and closed
 * their media. The client shows why and does not reconnect.
 *
 * @param reason {@code ended_by_host}
 * @param by the display name of who ended it
 */
public record MeetingEnded(String reason, String by) implements ServerMessage {}
