package io.kaihui.protocol;

/**
 * Tells the others that my microphone or camera changed; answered by {@link OkResponse}, and
 * every other participant gets {@link ParticipantUpdated}.
 *
 * @param id request id
 * @param audioMuted whether the microphone is now muted
 * @param videoMuted whether the camera is now off
 */
public record SetMutedRequest(long id, boolean audioMuted, boolean videoMuted)
    implements ClientMessage {}
