package io.kaihui.protocol;

/**
 * REST: a live meeting, as {@code POST /api/v1/meetings} (201), {@code GET} and {@code PATCH
 * /api/v1/meetings/{meetingNumber}} (200) return it; also in {@link JoinResponse} and the
 * {@link MeetingUpdated} event.
 *
 * @param meetingNumber the 9-digit meeting number
 * @param title the title its host gave it, 1 to 100 characters
 * @param hostName the host's display name
 * @param allowGuests whether people without an account may join by link (display name only)
 * @param participantCount how many people are in it now
 * @param startedAtMs when it was created, in ms since 1970-01-01T00:00:00Z
 * @param youAreHost whether the person asking is the host
 */
public record MeetingSummary(
    String meetingNumber,
    String title,
    String hostName,
    boolean allowGuests,
    int participantCount,
    long startedAtMs,
    boolean youAreHost) {}
