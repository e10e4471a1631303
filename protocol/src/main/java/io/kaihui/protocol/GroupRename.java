package io.kaihui.protocol;

/**
 * REST: {@code PATCH /api/v1/conversations/<id>}, a group's new name (any member may).
 *
 * @param title 1..64 characters
 */
public record GroupRename(String title) {}
