package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/conversations/direct}, the conversation with a friend (made the
 * first time).
 *
 * @param userId the friend
 */
public record DirectConversationOpen(long userId) {}
