package io.kaihui.protocol;

/**
 * The client's SDP answer to a {@link SubscribeOffer}; answered by {@link OkResponse}.
 *
 * @param id request id
 * @param version the {@link SubscribeOffer#version()} this answers
 * @param sdp the SDP answer
 */
public record SubscribeAnswer(long id, long version, String sdp) implements ClientMessage {}
