package io.kaihui.protocol;

/**
 * Event and REST: one message of a meeting's chat. As an event it goes to everyone in the
 * meeting, or for a private message to its sender and recipient; a newcomer gets the earlier
 * ones meant for them right after joining. {@code GET /api/v1/meetings/history/<meetingId>/chat}
 * gives them afterwards to those who were in the meeting (participant ids are then null).
 *
 * @param seq its number in the meeting's chat, from 1
 * @param fromParticipantId the sender's participant id, or null afterwards
 * @param fromName the sender's display name
 * @param toParticipantId a private message's recipient, or null
 * @param toName a private message's recipient's name, or null for everyone
 * @param text the text; for a file its name
 * @param file a file sent into the chat, which those it was for may download; null for text
 * @param createdMs when the server took it, in ms since 1970-01-01T00:00:00Z
 */
public record MeetingChatMessage(long seq, String fromParticipantId, String fromName,
    String toParticipantId, String toName, String text, FileView file, long createdMs)
    implements ServerMessage {}
