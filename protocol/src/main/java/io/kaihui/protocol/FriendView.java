package io.kaihui.protocol;

/**
 * REST: one friend in {@code GET /api/v1/friends}.
 *
 * @param user who
 * @param groupId the friend group I keep them in; 0 for the default group ("My friends")
 * @param presence {@code online}, {@code in_meeting}, {@code away} or {@code offline}, as
 *     {@link PresenceChanged} then keeps it current
 * @param sinceMs when we became friends, in ms since 1970-01-01T00:00:00Z
 */
public record FriendView(UserCard user, long groupId, String presence, long sinceMs) {}
