package io.kaihui.protocol;

/**
 * REST: the answer to {@code POST /api/v1/calls/<id>/accept}: the call's private meeting, which
 * only its two people may join.
 *
 * @param meetingNumber the meeting's number
 */
public record CallJoin(String meetingNumber) {}
