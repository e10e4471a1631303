package io.kaihui.protocol;

/**
 * Event: a new message in one of my conversations, after it is stored; on each signed-in socket
 * of every member, the sender's included (their other tabs).
 *
 * @param message the message
 */
public record MessageReceived(ChatMessage message) implements ServerMessage {}
