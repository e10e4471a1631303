package io.kaihui.protocol;

/**
 * Event: a group I am (or was just) in changed: its name, or who is in it. The client loads my
 * conversations again; a conversation I was removed from or left is gone from them.
 *
 * @param conversationId the group
 * @param reason {@code created}, {@code renamed}, {@code added}, {@code removed} or {@code left}
 */
public record ConversationChanged(long conversationId, String reason) implements ServerMessage {}
