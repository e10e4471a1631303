package io.kaihui.protocol;

/**
 * REST: the body of {@code PATCH /api/v1/meetings/{meetingNumber}}, which only the host may
 * send; the participants get {@link MeetingUpdated}.
 *
 * @param allowGuests whether people without an account may join by link from now on (guests
 *     already in stay)
 */
public record MeetingSettings(boolean allowGuests) {}
