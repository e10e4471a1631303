package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/friend-groups} (a new group) and {@code PATCH
 * /api/v1/friend-groups/<id>} (a new name).
 *
 * @param name the group's name, 1..32 characters, no control characters
 */
public record FriendGroupSave(String name) {}
