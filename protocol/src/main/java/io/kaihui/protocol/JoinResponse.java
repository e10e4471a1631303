package io.kaihui.protocol;

import java.util.List;

/**
 * The answer to {@link JoinRequest}: who I am, who is already there and the meeting's settings.
 *
 * @param id the request id
 * @param meetingNumber the meeting joined
 * @param participantId my participant id in this meeting
 * @param participants the others already in the meeting (not including me)
 * @param meeting the meeting's title, host and settings
 * @param me how the others see me (display name, host, guest)
 */
public record JoinResponse(
    long id,
    String meetingNumber,
    String participantId,
    List<ParticipantInfo> participants,
    MeetingSummary meeting,
    ParticipantInfo me)
    implements ServerMessage {}
