package io.kaihui.protocol;

/**
 * Event: my friends or friend requests changed elsewhere; the client fetches them again. Sent to
 * each of my signed-in sockets.
 *
 * @param reason {@code accepted} (a request of mine was accepted, or I accepted one in another
 *     tab), {@code declined} (a request of mine was declined), {@code cancelled} (a request to
 *     me was withdrawn), {@code removed} (a friendship ended) or {@code updated} (my groups
 *     changed in another tab)
 * @param userId the other person, or 0 for {@code updated}
 */
public record FriendsChanged(String reason, long userId) implements ServerMessage {}
