package io.kaihui.protocol;

/**
 * Event: someone asked me to be their friend. Sent to each of my signed-in sockets; a person who
 * is offline finds the request in {@code GET /api/v1/friend-requests} at their next sign-in.
 *
 * @param request the request
 */
public record FriendRequestReceived(FriendRequestView request) implements ServerMessage {}
