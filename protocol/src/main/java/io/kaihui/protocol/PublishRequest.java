package io.kaihui.protocol;

/**
 * Offers the client's <em>publish</em> PeerConnection (client sends, server receives); answered
 * by {@link PublishResponse}. Sent once after joining, and again whenever the client
 * renegotiates it.
 *
 * @param id request id
 * @param sdp the SDP offer (RFC 8829 JSEP, unified plan)
 */
public record PublishRequest(long id, String sdp) implements ClientMessage {}
