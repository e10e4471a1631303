package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/friend-requests}, asking someone to be my friend.
 *
 * @param toUserId whom
 * @param note a short note shown with the request (at most 100 characters), or null
 */
public record FriendRequestCreate(long toUserId, String note) {}
