package io.kaihui.protocol;

import java.util.List;

/**
 * REST: {@code GET /api/v1/friends}, the signed-in person's friends and groups.
 *
 * @param groups the named groups in the owner's order; the default group comes first and is not
 *     listed
 * @param friends every friend, by display name
 */
public record FriendList(List<FriendGroupView> groups, List<FriendView> friends) {}
