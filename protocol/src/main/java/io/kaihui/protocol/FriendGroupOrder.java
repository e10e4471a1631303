package io.kaihui.protocol;

import java.util.List;

/**
 * REST: {@code PUT /api/v1/friend-groups/order}, the owner's new order of their named groups.
 *
 * @param groupIds every one of their group ids, each once, in the new order
 */
public record FriendGroupOrder(List<Long> groupIds) {}
