package io.kaihui.protocol;

/**
 * What every member of a meeting knows about a participant.
 *
 * @param participantId opaque id, unique within the server's lifetime; it is also the
 *     MediaStream id ({@code msid}) of the participant's tracks in the subscribe SDP
 * @param displayName the name to show
 * @param audioMuted whether the microphone is muted
 * @param videoMuted whether the camera is off
 */
public record ParticipantInfo(
    String participantId, String displayName, boolean audioMuted, boolean videoMuted) {}
