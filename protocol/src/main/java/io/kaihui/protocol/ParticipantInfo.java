package io.kaihui.protocol;

/**
 * What every member of a meeting knows about a participant.
 *
 * @param participantId opaque id, unique within the server's lifetime; it is also the
 *     MediaStream id ({@code msid}) of the participant's tracks in the subscribe SDP
 * @param displayName the name to show: the account's display name, or the name a guest typed
 * @param audioMuted whether the microphone is muted
 * @param videoMuted whether the camera is off
 * @param host whether this participant is the meeting's host (its creator)
 * @param guest whether this participant joined without an account, by link
 * @param avatarUrl the account's avatar image, or null (guests, and accounts without one)
 */
public record ParticipantInfo(
    String participantId,
    String displayName,
    boolean audioMuted,
    boolean videoMuted,
    boolean host,
    boolean guest,
    String avatarUrl) {}
