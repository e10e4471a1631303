package io.kaihui.protocol;

/**
 * REST: the answer to {@code POST /api/v1/friend-requests}.
 *
 * @param request the pending request; null when the other person had already asked me, so that
 *     we became friends at once
 * @param friends whether we are friends now
 */
public record FriendRequestSent(FriendRequestView request, boolean friends) {}
