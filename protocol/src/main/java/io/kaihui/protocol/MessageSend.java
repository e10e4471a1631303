package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/conversations/<id>/messages}, sending a text message.
 *
 * @param clientId a UUID the client makes once per message; sending again with the same one
 *     (after a lost answer) stores nothing new and answers the stored message
 * @param text the text, 1..{@code chat.max-message-chars} characters
 */
public record MessageSend(String clientId, String text) {}
