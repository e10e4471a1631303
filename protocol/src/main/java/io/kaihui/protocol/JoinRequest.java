package io.kaihui.protocol;

/**
 * Joins the meeting with the given number; answered by {@link JoinResponse}. A connection is in
 * at most one meeting at a time. A connection opened with a sign-in session joins as its account
 * (the account's display name is shown); one without joins as a guest, which only a meeting
 * whose host allows guests admits ({@code sign_in_required} otherwise).
 *
 * @param id request id
 * @param meetingNumber the 9-digit meeting number, digits only
 * @param displayName a guest's name, 1 to 64 characters after trimming; ignored when signed in
 * @param audioMuted whether the microphone starts muted
 * @param videoMuted whether the camera starts off
 */
public record JoinRequest(
    long id, String meetingNumber, String displayName, boolean audioMuted, boolean videoMuted)
    implements ClientMessage {}
