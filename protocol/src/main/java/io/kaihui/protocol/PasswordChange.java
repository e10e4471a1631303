package io.kaihui.protocol;

/**
 * REST: {@code PUT /api/v1/me/password}; answered 204 and every other session of the account is
 * signed out, or 400 ({@code invalid_credentials} for a wrong old password, or the password
 * rules of {@link RegisterRequest}).
 *
 * @param oldPassword the current password
 * @param newPassword the new password
 */
public record PasswordChange(String oldPassword, String newPassword) {}
