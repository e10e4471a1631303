package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/conversations/<id>/messages}, sending a text message or a file.
 *
 * @param clientId a UUID the client makes once per message; sending again with the same one
 *     (after a lost answer) stores nothing new and answers the stored message
 * @param text the text, 1..{@code chat.max-message-chars} characters; ignored with a file
 * @param fileId a file the sender may read (uploaded, or received), sent as a message of kind
 *     {@code file}; null for text
 */
public record MessageSend(String clientId, String text, String fileId) {}
