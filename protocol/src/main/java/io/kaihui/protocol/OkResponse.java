package io.kaihui.protocol;

/**
 * The answer to a request that returns nothing but success.
 *
 * @param id the request id
 */
public record OkResponse(long id) implements ServerMessage {}
