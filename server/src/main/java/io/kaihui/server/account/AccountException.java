package io.kaihui.server.account;

/**
 * An account request cannot be done. The {@link #code()} is the stable reason sent to the
 * client, which translates it; the constants below are every code. The message is English for
 * logs and never contains a password.
 */
public final class AccountException extends Exception {

  /** The username is already used, in any letter case. */
  public static final String USERNAME_TAKEN = "username_taken";
  /** The username is not 3–32 of {@code A-Z a-z 0-9 _}. */
  public static final String USERNAME_INVALID = "username_invalid";
  /** The password is shorter than {@value AccountService#MIN_PASSWORD_LENGTH} characters. */
  public static final String PASSWORD_TOO_SHORT = "password_too_short";
  /** The password is longer than {@value AccountService#MAX_PASSWORD_LENGTH} characters. */
  public static final String PASSWORD_TOO_LONG = "password_too_long";
  /** The password is on the list of common passwords. */
  public static final String PASSWORD_TOO_COMMON = "password_too_common";
  /** The password is the username (ignoring case). */
  public static final String PASSWORD_EQUALS_USERNAME = "password_equals_username";
  /** The display name is empty, longer than 64 characters, or has control characters. */
  public static final String DISPLAY_NAME_INVALID = "display_name_invalid";
  /** The phone number is not 6–15 digits with an optional leading {@code +}. */
  public static final String PHONE_INVALID = "phone_invalid";
  /** The mood line is longer than 80 characters or has control characters. */
  public static final String MOOD_INVALID = "mood_invalid";
  /**
   * The avatar is not an image of a supported type (PNG, JPEG, GIF, and WebP where the runtime
   * reads it) or cannot be decoded, or its stored reference is not 1–128 of
   * {@code A-Z a-z 0-9 . _ -}.
   */
  public static final String AVATAR_INVALID = "avatar_invalid";
  /**
   * The avatar file is over {@value AvatarImage#MAX_BYTES} bytes, or its image over
   * {@value AvatarImage#MAX_PIXELS} pixels or {@value AvatarImage#MAX_SIDE} pixels a side.
   */
  public static final String AVATAR_TOO_LARGE = "avatar_too_large";
  /**
   * The username and password do not match an account; deliberately the same whether the
   * username exists or not.
   */
  public static final String INVALID_CREDENTIALS = "invalid_credentials";
  /** Too many failed attempts: try again after {@link #retryAfterSeconds()}. */
  public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
  /** The account does not exist (any more). */
  public static final String USER_NOT_FOUND = "user_not_found";

  private final String code;
  private final long retryAfterSeconds;

  /**
   * Creates the exception.
   *
   * @param code one of the codes above
   * @param message an English description without secrets
   */
  public AccountException(String code, String message) {
    this(code, message, 0);
  }

  /**
   * Creates the exception with a waiting time.
   *
   * @param code one of the codes above
   * @param message an English description without secrets
   * @param retryAfterSeconds seconds until a new attempt may succeed, for a
   *     {@code Retry-After} header; 0 when not applicable
   */
  public AccountException(String code, String message, long retryAfterSeconds) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }

  /** For {@link #TOO_MANY_ATTEMPTS}: seconds to wait, at least 1; otherwise 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
