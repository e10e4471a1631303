package io.kaihui.protocol;

/**
 * Event: a friend is calling me; on each of my signed-in sockets, which ring until the call is
 * accepted, declined, cancelled or missed ({@link CallEnded}, {@link CallAccepted}).
 *
 * @param call the call
 */
public record CallIncoming(CallView call) implements ServerMessage {}
