package io.kaihui.protocol;

/**
 * Request: says something in the meeting's chat, to everyone or privately to one participant.
 * Answered by {@link OkResponse} once it is stored; everyone it is for (the sender included)
 * gets {@link MeetingChatMessage}. Refused with {@code not_joined}, {@code bad_message},
 * {@code message_too_long} (over 4000 characters), {@code participant_not_found}, and for a
 * file {@code not_signed_in} (a guest) or {@code file_not_found} (one the sender may not read).
 *
 * @param id request id
 * @param text the text; ignored with a file
 * @param toParticipantId the participant it is only for, or null for everyone
 * @param fileId a file the sender uploaded or received, sent instead of text; null for text
 */
public record MeetingChatSend(long id, String text, String toParticipantId, String fileId)
    implements ClientMessage {}
