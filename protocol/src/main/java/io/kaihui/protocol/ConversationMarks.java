package io.kaihui.protocol;

/**
 * REST: {@code PUT /api/v1/conversations/<id>/marks}, how far I have received and read a
 * conversation. Marks only move forward; one beyond the last message is taken as the last.
 *
 * @param deliveredSeq the last message my client has received, or 0 to leave it
 * @param readSeq the last message I have seen, or 0 to leave it
 */
public record ConversationMarks(long deliveredSeq, long readSeq) {}
