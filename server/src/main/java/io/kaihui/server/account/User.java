package io.kaihui.server.account;

import java.time.Instant;

/**
 * An account as the rest of the server sees it. It holds no password hash: that stays inside
 * {@link AccountService}.
 *
 * @param id the account's id, a positive number below 2^53 (exact in JavaScript)
 * @param username the username as registered, 3–32 of {@code A-Z a-z 0-9 _}; unique ignoring
 *     case
 * @param displayName the name shown to others, 1–64 characters
 * @param phone the phone number, digits with an optional leading {@code +}; null when not given
 * @param avatarRef the stored avatar image's reference; null while the account shows initials
 * @param moodLine the mood line (个性签名), up to 80 characters; null when empty
 * @param createdAt when the account was registered
 * @param updatedAt when the profile or password last changed
 */
public record User(long id, String username, String displayName, String phone,
    String avatarRef, String moodLine, Instant createdAt, Instant updatedAt) {}
