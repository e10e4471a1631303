package io.kaihui.protocol;

/**
 * Event: another member is typing in one of my conversations ({@code POST
 * /api/v1/conversations/<id>/typing}, at most every 3 s while typing); the client shows it for 5 s
 * unless it comes again.
 *
 * @param conversationId the conversation
 * @param userId who types
 */
public record TypingChanged(long conversationId, long userId) implements ServerMessage {}
