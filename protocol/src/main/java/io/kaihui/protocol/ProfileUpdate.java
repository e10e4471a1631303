package io.kaihui.protocol;

/**
 * REST: {@code PATCH /api/v1/me} changes the profile; answered 200 with {@link AccountView}, or
 * 400 ({@code display_name_invalid}, {@code mood_invalid}, {@code phone_invalid}).
 *
 * @param displayName the new display name, 1 to 64 characters
 * @param moodLine the mood line (个性签名), up to 80 characters; null or empty clears it
 * @param phone the phone number; null or empty clears it
 */
public record ProfileUpdate(String displayName, String moodLine, String phone) {}
