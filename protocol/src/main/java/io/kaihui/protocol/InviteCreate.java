package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/meetings/<number>/invites}, inviting a friend into the meeting I am
 * in.
 *
 * @param userId the friend
 */
public record InviteCreate(long userId) {}
