package io.kaihui.protocol;

/**
 * Event: a member of one of my conversations has received or read further; on each signed-in
 * socket of every member.
 *
 * @param conversationId the conversation
 * @param userId the member
 * @param deliveredSeq the last message their client has received
 * @param readSeq the last message they have read
 */
public record ReceiptChanged(long conversationId, long userId, long deliveredSeq, long readSeq)
    implements ServerMessage {}
