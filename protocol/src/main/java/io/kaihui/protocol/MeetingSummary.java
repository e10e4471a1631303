package io.kaihui.protocol;

/**
 * REST: a live meeting, as {@code POST /api/v1/meetings} (201, participantCount 0) and
 * {@code GET /api/v1/meetings/{meetingNumber}} (200) return it.
 *
 * @param meetingNumber the 9-digit meeting number
 * @param participantCount how many people are in it now
 */
public record MeetingSummary(String meetingNumber, int participantCount) {}
