package io.kaihui.server.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for what a person types into the registration and profile forms. Each method takes
 * untrusted input (null, huge, control characters, SQL) and either returns the value to store or
 * throws the {@link AccountException} code that names the field.
 */
public final class ProfileFields {

  static final int MIN_USERNAME = 3;
  static final int MAX_USERNAME = 32;
  static final int MAX_DISPLAY_NAME = 64;
  static final int MAX_MOOD_LINE = 80;
  static final int MAX_AVATAR_REF = 128;

  private ProfileFields() {}

  /**
   * A username: 3–32 of {@code A-Z a-z 0-9 _}, kept as typed.
   *
   * @throws AccountException {@code username_invalid}
   */
  static String username(String raw) throws AccountException {
    if (!isUsername(raw)) {
      throw new AccountException(AccountException.USERNAME_INVALID,
          "a username is 3 to 32 letters, digits or underscores");
    }
    return raw;
  }

  /** Whether a string is a well-formed username. */
  static boolean isUsername(String raw) {
    if (raw == null || raw.length() < MIN_USERNAME || raw.length() > MAX_USERNAME) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** The case-folded form that makes usernames unique ignoring case (ASCII only, so ROOT). */
  static String usernameKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  /**
   * A display name: trimmed, NFC, 1–64 characters (code points), at least one visible one, no
   * control, line-separator or bidirectional-override characters.
   *
   * @throws AccountException {@code display_name_invalid}
   */
  static String displayName(String raw) throws AccountException {
    String s = text(raw, MAX_DISPLAY_NAME);
    if (s == null) {
      throw new AccountException(AccountException.DISPLAY_NAME_INVALID,
          "a display name is 1 to 64 characters without control characters");
    }
    return s;
  }

  /**
   * A mood line: as a display name but up to 80 characters, and empty means none.
   *
   * @return the line, or null for none
   * @throws AccountException {@code mood_invalid}
   */
  static String moodLine(String raw) throws AccountException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = text(raw, MAX_MOOD_LINE);
    if (s == null) {
      throw new AccountException(AccountException.MOOD_INVALID,
          "a mood line is up to 80 characters without control characters");
    }
    return s;
  }

  /**
   * A phone number, E.164-like: an optional {@code +}, then 6–15 digits (the first after
   * {@code +} not 0); spaces, dots, hyphens and parentheses between them are dropped.
   *
   * @return the digits with the optional leading {@code +}, or null when blank
   * @throws AccountException {@code phone_invalid}
   */
  static String phone(String raw) throws AccountException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    AccountException invalid = new AccountException(AccountException.PHONE_INVALID,
        "a phone number is 6 to 15 digits, optionally after a +");
    if (s.length() > 32) {
      throw invalid;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      } else if (c == '+' && i == 0) {
        out.append(c);
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
        throw invalid;
      }
    }
    boolean plus = out.length() > 0 && out.charAt(0) == '+';
    int digits = out.length() - (plus ? 1 : 0);
    if (digits < 6 || digits > 15 || (plus && out.charAt(1) == '0')) {
      throw invalid;
    }
    return out.toString();
  }

  /**
   * An avatar reference (what the file store names a stored image by).
   *
   * @return the reference, or null to go back to initials
   * @throws AccountException {@code avatar_invalid}
   */
  static String avatarRef(String raw) throws AccountException {
    if (raw == null) {
      return null;
    }
    boolean ok = !raw.isEmpty() && raw.length() <= MAX_AVATAR_REF;
    for (int i = 0; ok && i < raw.length(); i++) {
      char c = raw.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
    }
    if (!ok) {
      throw new AccountException(AccountException.AVATAR_INVALID,
          "an avatar reference is 1 to 128 of A-Z a-z 0-9 . _ -");
    }
    return raw;
  }

  /**
   * Checks a new password.
   *
   * @param password the new password
   * @param username the account's username
   * @param common the passwords too common to allow
   * @throws AccountException {@code password_too_long}, {@code password_too_short},
   *     {@code password_equals_username} or {@code password_too_common}
   */
  static void password(String password, String username, CommonPasswords common)
      throws AccountException {
    if (password != null && password.length() > AccountService.MAX_PASSWORD_LENGTH) {
      throw new AccountException(AccountException.PASSWORD_TOO_LONG,
          "a password is at most " + AccountService.MAX_PASSWORD_LENGTH + " characters");
    }
    if (password == null
        || password.codePointCount(0, password.length()) < AccountService.MIN_PASSWORD_LENGTH) {
      throw new AccountException(AccountException.PASSWORD_TOO_SHORT,
          "a password is at least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
    }
    if (username != null && password.equalsIgnoreCase(username)) {
      throw new AccountException(AccountException.PASSWORD_EQUALS_USERNAME,
          "the password must not be the username");
    }
    if (common.contains(password)) {
      throw new AccountException(AccountException.PASSWORD_TOO_COMMON,
          "the password is on the list of common passwords");
    }
  }

  /**
   * Checks a short text that others see (a name, a note): trimmed, in Unicode NFC, 1..max code
   * points, at least one visible character, and no control, separator, unassigned or
   * bidirectional-override characters.
   *
   * @param raw the text as sent; null is fine
   * @param maxCodePoints the most code points it may have
   * @return the clean text, or null when it breaks a rule
   */
  public static String text(String raw, int maxCodePoints) {
    if (raw == null || raw.length() > 8 * maxCodePoints) {
      return null;
    }
    String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    int count = s.codePointCount(0, s.length());
    if (count < 1 || count > maxCodePoints) {
      return null;
    }
    boolean visible = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (forbidden(cp)) {
        return null;
      }
      visible |= visible(cp);
    }
    return visible ? s : null;
  }

  private static boolean forbidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        // bidirectional embeddings, overrides, isolates and marks: they reorder what others see
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F || cp == 0x061C;
  }

  private static boolean visible(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }
}
