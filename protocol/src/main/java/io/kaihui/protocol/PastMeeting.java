package io.kaihui.protocol;

import java.util.List;

/**
 * REST: one meeting the signed-in person hosted or was in, as {@code GET
 * /api/v1/meetings/history} lists them, newest first.
 *
 * @param meetingId its id in the record (below 2^53), for its chat
 * @param meetingNumber its 9-digit number (numbers are reused once a meeting has ended)
 * @param title its title
 * @param hostName the host's display name
 * @param startedAtMs when it was created, in ms since 1970-01-01T00:00:00Z
 * @param endedAtMs when it ended, in ms since 1970-01-01T00:00:00Z, or null while it is live
 * @param participants the display names of everyone who was in it, in order of first joining
 *     (guests marked by the client from {@code guests})
 * @param guests how many of {@code participants} were guests
 */
public record PastMeeting(
    long meetingId,
    String meetingNumber,
    String title,
    String hostName,
    long startedAtMs,
    Long endedAtMs,
    List<String> participants,
    int guests) {}
