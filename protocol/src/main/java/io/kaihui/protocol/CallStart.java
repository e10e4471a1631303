package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/calls}, calling a friend.
 *
 * @param userId the friend
 */
public record CallStart(long userId) {}
