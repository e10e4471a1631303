package io.kaihui.protocol;

import java.util.List;

/**
 * REST: a conversation as {@code GET /api/v1/conversations} lists them, most recent first.
 *
 * @param conversationId its id (below 2^53)
 * @param kind {@code direct} (two friends) or {@code group}
 * @param title a group's name; null for a direct conversation
 * @param ownerId a group's owner, who may remove members; 0 for a direct conversation
 * @param members everyone in it, me included
 * @param last its last message, or null while it has none
 * @param unread how many messages of others I have not read
 * @param readSeq the last message I have read
 * @param othersDeliveredSeq the last message every other member has received
 * @param othersReadSeq the last message every other member has read
 */
public record ConversationView(long conversationId, String kind, String title, long ownerId,
    List<UserCard> members,
    ChatMessage last, long unread, long readSeq, long othersDeliveredSeq, long othersReadSeq) {}
