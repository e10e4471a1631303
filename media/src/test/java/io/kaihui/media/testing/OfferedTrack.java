package io.kaihui.media.testing;

import io.kaihui.media.MediaKind;

/**
 * One m-section of a subscribe offer, as the answering participant saw it.
 *
 * @param mid the m-section's mid
 * @param kind audio or video
 * @param ssrc the SSRC the server will send it on ({@code a=ssrc}), or -1 when inactive
 * @param payloadType the codec's payload type in the offer
 * @param streamId the msid stream id (the publishing participant), or null when inactive
 * @param trackId the msid track id (the server's producer id), or null when inactive
 * @param active whether the server sends on it ({@code a=sendonly}) rather than
 *     {@code a=inactive}
 */
public record OfferedTrack(String mid, MediaKind kind, long ssrc, int payloadType,
    String streamId, String trackId, boolean active) {}
