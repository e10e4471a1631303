package io.kaihui.protocol;

import java.util.List;

/**
 * REST: {@code GET /api/v1/friend-requests}, the pending requests to and from the signed-in
 * person, newest first.
 *
 * @param incoming requests others sent me, to accept or decline
 * @param outgoing requests I sent, waiting for an answer (I may cancel them)
 */
public record FriendRequests(List<FriendRequestView> incoming, List<FriendRequestView> outgoing) {}
