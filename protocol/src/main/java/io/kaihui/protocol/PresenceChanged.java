package io.kaihui.protocol;

/**
 * Event: a person's presence changed. Sent to every signed-in socket of that person (so every
 * tab shows the same state), and later to their friends.
 *
 * @param userId whose presence
 * @param state {@code online}, {@code in_meeting}, {@code away} (no activity for 10 minutes) or
 *     {@code offline} (no socket heard from for 25 s)
 */
public record PresenceChanged(long userId, String state) implements ServerMessage {}
