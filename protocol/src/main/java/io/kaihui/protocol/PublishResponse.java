package io.kaihui.protocol;

/**
 * The server's SDP answer to a {@link PublishRequest}.
 *
 * @param id the request id
 * @param sdp the SDP answer; the server is ICE-lite and the DTLS server
 */
public record PublishResponse(long id, String sdp) implements ServerMessage {}
