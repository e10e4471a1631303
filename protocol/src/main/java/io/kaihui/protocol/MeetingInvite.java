package io.kaihui.protocol;

/**
 * Event: a friend in a running meeting invites me into it; on each of my signed-in sockets. The
 * client shows it with "Join".
 *
 * @param meetingNumber the meeting
 * @param title its title
 * @param from who invites
 */
public record MeetingInvite(String meetingNumber, String title, UserCard from)
    implements ServerMessage {}
