package io.kaihui.protocol;

/**
 * Heartbeat, sent by the client every 5 s; answered by {@link OkResponse}. A connection silent
 * for 30 s is closed and its participant removed.
 *
 * @param id request id
 */
public record PingRequest(long id) implements ClientMessage {}
