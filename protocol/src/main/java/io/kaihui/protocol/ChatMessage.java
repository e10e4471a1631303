package io.kaihui.protocol;

/**
 * REST and events: one message of a conversation.
 *
 * @param conversationId the conversation (below 2^53)
 * @param seq its number in the conversation: 1, 2, 3... in the order the server stored them
 * @param clientId the sender's own id for it (a UUID), with which a client recognises its own
 *     message and drops a duplicate
 * @param senderId who sent it
 * @param kind {@code text}, or what happened to a group, told by the server: {@code created}
 *     (body: the name), {@code renamed} (body: the new name), {@code added} and {@code removed}
 *     (body: the member's display name), {@code left}; {@code senderId} is who did it; or
 *     {@code call}, a call record (body: {@code answered}, {@code declined}, {@code cancelled},
 *     {@code missed} or {@code busy}; {@code senderId} is the caller); or {@code file}, a file
 *     (body: its {@link FileView} as JSON)
 * @param body the text, at most {@code chat.max-message-chars} characters
 * @param createdMs when the server stored it, in ms since 1970-01-01T00:00:00Z
 */
public record ChatMessage(long conversationId, long seq, String clientId, long senderId,
    String kind, String body, long createdMs) {}
