package io.kaihui.protocol;

/**
 * REST: {@code PUT /api/v1/friends/<userId>}, moving a friend to another of my groups.
 *
 * @param groupId one of my group ids, or 0 for the default group
 */
public record FriendMove(long groupId) {}
