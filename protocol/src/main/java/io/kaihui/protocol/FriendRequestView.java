package io.kaihui.protocol;

/**
 * REST and events: a pending friend request.
 *
 * @param requestId its id (below 2^53)
 * @param from who asks
 * @param to who is asked
 * @param note the asker's short note, or null
 * @param createdMs when it was sent, in ms since 1970-01-01T00:00:00Z
 */
public record FriendRequestView(long requestId, UserCard from, UserCard to, String note,
    long createdMs) {}
