package io.kaihui.protocol;

/**
 * REST: the signed-in person's account as {@code GET /api/v1/me}, registration, sign-in and
 * profile updates return it.
 *
 * @param userId the account id (below 2^53, so JavaScript reads it exactly)
 * @param username the unique username, as typed at registration
 * @param displayName the name shown to others
 * @param phone the phone number, or null
 * @param moodLine the mood line (个性签名), or null
 * @param avatarUrl where the avatar image is ({@code /api/v1/users/<id>/avatar?v=...}), or
 *     null while the person has none (the client shows initials)
 */
public record AccountView(long userId, String username, String displayName, String phone,
    String moodLine, String avatarUrl) {}
