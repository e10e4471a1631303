package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/accounts} registers and signs in; answered 201 with
 * {@link AccountView} and the session cookie, or 400/409 with {@link ApiError} ({@code
 * username_invalid}, {@code username_taken}, {@code password_too_short}, {@code
 * password_too_long}, {@code password_too_common}, {@code password_equals_username}, {@code
 * display_name_invalid}, {@code phone_invalid}).
 *
 * @param username 3 to 32 letters, digits or underscores; unique regardless of case
 * @param password at least 8 characters, not a common password
 * @param displayName 1 to 64 characters
 * @param phone optional phone number, or null
 */
public record RegisterRequest(String username, String password, String displayName,
    String phone) {}
