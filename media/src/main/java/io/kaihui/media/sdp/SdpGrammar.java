package io.kaihui.media.sdp;

/**
 * Lexical rules shared by the SDP value parsers: RFC 8866 §9 {@code token}, {@code integer}, RFC
 * 8839 §5.1 {@code ice-char}. Every method rejects by throwing {@link SdpParseException} (line 0);
 * none throws anything else for any input, null included.
 */
final class SdpGrammar {

  private SdpGrammar() {}

  /** Whether {@code c} is an RFC 8866 §9 {@code token-char}. */
  static boolean isTokenChar(char c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x27)
        || c == 0x2A
        || c == 0x2B
        || c == 0x2D
        || c == 0x2E
        || (c >= 0x30 && c <= 0x39)
        || (c >= 0x41 && c <= 0x5A)
        || (c >= 0x5E && c <= 0x7E);
  }

  /** Whether {@code s} is a non-empty RFC 8866 §9 {@code token}. */
  static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} is non-empty and made only of RFC 8839 §5.1 {@code ice-char} (ALPHA / DIGIT /
   * "+" / "/").
   */
  static boolean isIceChars(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} is non-empty and contains no space, CR, LF or NUL (a "non-ws-string" in RFC
   * 8866 §9, used for addresses and URIs).
   */
  static boolean isNonWhitespace(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} can be written as the value of one SDP line: no CR, LF or NUL. */
  static boolean isLineText(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses an unsigned decimal number of at most 19 digits, with no sign.
   *
   * @param s the text
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param what what the number is, for the error message
   * @return the value
   * @throws SdpParseException if {@code s} is not digits or out of [min, max]
   */
  static long decimal(String s, long min, long max, String what) throws SdpParseException {
    if (s == null || s.isEmpty()) {
      throw new SdpParseException(0, "missing " + what);
    }
    if (s.length() > 19) {
      throw new SdpParseException(0, what + " out of range: " + shorten(s));
    }
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpParseException(0, what + " is not a number: " + shorten(s));
      }
      value = value * 10 + (c - '0');
      if (value < 0) {
        throw new SdpParseException(0, what + " out of range: " + shorten(s));
      }
    }
    if (value < min || value > max) {
      throw new SdpParseException(0, what + " out of range " + min + ".." + max + ": " + s);
    }
    return value;
  }

  /** Parses an unsigned decimal {@code int}; see {@link #decimal(String, long, long, String)}. */
  static int integer(String s, int min, int max, String what) throws SdpParseException {
    return (int) decimal(s, min, max, what);
  }

  /**
   * Requires a value that can stand on one line, as every typed attribute has one.
   *
   * @throws SdpParseException if {@code value} is null or holds CR, LF or NUL
   */
  static String require(String value, String attribute) throws SdpParseException {
    if (value == null) {
      throw new SdpParseException(0, "a=" + attribute + " needs a value");
    }
    if (!isLineText(value)) {
      throw new SdpParseException(0, "a=" + attribute + " holds CR, LF or NUL");
    }
    return value;
  }

  /** Cuts long input down for an error message, so a hostile peer cannot make us log megabytes. */
  static String shorten(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
