package io.kaihui.protocol;

/**
 * Joins the meeting with the given number; answered by {@link JoinResponse}. A connection is in
 * at most one meeting at a time.
 *
 * @param id request id
 * @param meetingNumber the 9-digit meeting number, digits only
 * @param displayName the name shown to the others, 1 to 64 characters after trimming
 * @param audioMuted whether the microphone starts muted
 * @param videoMuted whether the camera starts off
 */
public record JoinRequest(
    long id, String meetingNumber, String displayName, boolean audioMuted, boolean videoMuted)
    implements ClientMessage {}
