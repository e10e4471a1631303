package io.kaihui.protocol;

/**
 * Event: the server offers (or re-offers) the client's <em>subscribe</em> PeerConnection
 * (server sends, client receives). The client applies it and replies with
 * {@link SubscribeAnswer} carrying the same {@code version}. The server sends the next offer
 * only after the answer to the previous one, so offers never cross.
 *
 * <p>Each remote track is one m-section whose {@code msid} is {@code <participantId> <trackId>}.
 *
 * @param version increases by one with every offer on this connection, starting at 1
 * @param sdp the SDP offer
 */
public record SubscribeOffer(long version, String sdp) implements ServerMessage {}
