package io.kaihui.protocol;

/**
 * Leaves the meeting; answered by {@link OkResponse}. Closing the WebSocket has the same effect.
 *
 * @param id request id
 */
public record LeaveRequest(long id) implements ClientMessage {}
