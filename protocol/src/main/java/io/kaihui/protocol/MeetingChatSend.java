package io.kaihui.protocol;

/**
 * Request: says something in the meeting's chat, to everyone or privately to one participant.
 * Answered by {@link OkResponse} once it is stored; everyone it is for (the sender included)
 * gets {@link MeetingChatMessage}. Refused with {@code not_joined}, {@code bad_message},
 * {@code message_too_long} (over 4000 characters) or {@code participant_not_found}.
 *
 * @param id request id
 * @param text the text
 * @param toParticipantId the participant it is only for, or null for everyone
 */
public record MeetingChatSend(long id, String text, String toParticipantId)
    implements ClientMessage {}
