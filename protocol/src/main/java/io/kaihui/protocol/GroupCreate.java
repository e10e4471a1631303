package io.kaihui.protocol;

import java.util.List;

/**
 * REST: {@code POST /api/v1/conversations/groups}, a new group chat with some of my friends; I
 * own it.
 *
 * @param title its name, 1..64 characters
 * @param memberIds my friends to add, 1..199 of them
 */
public record GroupCreate(String title, List<Long> memberIds) {}
