package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/conversations/<id>/members}, adding one of my friends to a group I
 * am in.
 *
 * @param userId the friend
 */
public record MemberAdd(long userId) {}
