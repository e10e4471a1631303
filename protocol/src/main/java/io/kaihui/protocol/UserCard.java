package io.kaihui.protocol;

/**
 * REST: another person as search results, friend requests and the friend list show them: what
 * anyone signed in may see of an account (never its phone number).
 *
 * @param userId the account id (below 2^53)
 * @param username the unique username
 * @param displayName the name shown to others
 * @param moodLine the mood line (个性签名), or null
 * @param avatarUrl where the avatar image is, or null while the person has none
 * @param relation what they are to the asking person: {@code friend}, {@code request_sent} (I
 *     asked them), {@code request_received} (they asked me), {@code none}, or {@code self} where
 *     a list of people includes me (the members of a conversation)
 */
public record UserCard(long userId, String username, String displayName, String moodLine,
    String avatarUrl, String relation) {}
