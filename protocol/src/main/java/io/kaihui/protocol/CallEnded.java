package io.kaihui.protocol;

/**
 * Event: a call ended before anyone answered; on each signed-in socket of both people.
 *
 * @param callId the call
 * @param reason {@code declined}, {@code cancelled} (by the caller) or {@code missed} (no answer
 *     in 30 s)
 */
public record CallEnded(long callId, String reason) implements ServerMessage {}
