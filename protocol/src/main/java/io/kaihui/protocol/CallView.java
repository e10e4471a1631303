package io.kaihui.protocol;

/**
 * REST and events: a call that is ringing.
 *
 * @param callId its id (below 2^53)
 * @param caller who calls
 * @param callee whom
 * @param startedMs when it started ringing, in ms since 1970-01-01T00:00:00Z
 * @param ringMs how long it rings before it is a missed call, in ms
 */
public record CallView(long callId, UserCard caller, UserCard callee, long startedMs,
    long ringMs) {}
