package io.kaihui.protocol;

/**
 * Event: the host changed the meeting's settings.
 *
 * @param meeting the meeting as it is now ({@code youAreHost} is false; each client knows
 *     whether it is the host from its {@link JoinResponse})
 */
public record MeetingUpdated(MeetingSummary meeting) implements ServerMessage {}
