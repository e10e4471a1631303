package io.kaihui.protocol;

import java.util.List;

/**
 * The answer to {@link JoinRequest}: who I am and who is already there.
 *
 * @param id the request id
 * @param meetingNumber the meeting joined
 * @param participantId my participant id in this meeting
 * @param participants the others already in the meeting (not including me)
 */
public record JoinResponse(
    long id, String meetingNumber, String participantId, List<ParticipantInfo> participants)
    implements ServerMessage {}
