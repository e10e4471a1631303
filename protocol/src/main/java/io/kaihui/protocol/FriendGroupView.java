package io.kaihui.protocol;

/**
 * REST: a friend group (the "drawer" of the friend list) that its owner named.
 *
 * @param groupId its id (below 2^53); the default group "My friends" is not listed and is 0
 * @param name its name, 1..32 characters
 */
public record FriendGroupView(long groupId, String name) {}
