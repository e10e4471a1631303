package io.kaihui.media.sdp;

/**
 * The {@code a=fingerprint} attribute (RFC 8122 §5): the hash of the certificate the DTLS peer will
 * present, {@code a=fingerprint:sha-256 6B:8B:...:08}.
 *
 * @param algorithm the hash function name as written, for example {@code sha-256}
 * @param value the hash as colon-separated hex byte pairs, as written (RFC 8122 asks for upper
 *     case; lower case is accepted)
 */
public record Fingerprint(String algorithm, String value) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the algorithm is not a token or the value is not
   *     colon-separated hex pairs
   */
  public Fingerprint {
    if (!SdpGrammar.isToken(algorithm) || !isHexPairs(value)) {
      throw new IllegalArgumentException("bad fingerprint " + algorithm + " " + value);
    }
  }

  /**
   * Creates a fingerprint from digest bytes, written in upper-case hex (RFC 8122 §5).
   *
   * @param algorithm the hash function name, for example {@code sha-256}
   * @param digest the certificate digest, at least one byte
   * @return the fingerprint
   */
  public static Fingerprint of(String algorithm, byte[] digest) {
    StringBuilder sb = new StringBuilder(digest.length * 3);
    for (int i = 0; i < digest.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
      sb.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
    }
    return new Fingerprint(algorithm, sb.toString());
  }

  /**
   * Parses an {@code a=fingerprint} value.
   *
   * @param text for example {@code sha-256 6B:8B:F0:...}
   * @return the fingerprint
   * @throws SdpParseException if it is not {@code <hash-func> SP <hex pairs>}
   */
  public static Fingerprint parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "fingerprint");
    int sp = text.indexOf(' ');
    if (sp < 0
        || !SdpGrammar.isToken(text.substring(0, sp))
        || !isHexPairs(text.substring(sp + 1))) {
      throw new SdpParseException(0, "bad a=fingerprint: " + SdpGrammar.shorten(text));
    }
    return new Fingerprint(text.substring(0, sp), text.substring(sp + 1));
  }

  /**
   * The digest bytes.
   *
   * @return a new array, one byte per hex pair
   */
  public byte[] digest() {
    byte[] out = new byte[(value.length() + 1) / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (byte)
              (Character.digit(value.charAt(i * 3), 16) << 4
                  | Character.digit(value.charAt(i * 3 + 1), 16));
    }
    return out;
  }

  /**
   * Whether this fingerprint names the same algorithm (case-insensitively, RFC 8122 §5) and the
   * same digest as another.
   *
   * @param other the other fingerprint
   * @return true when they match
   */
  public boolean matches(Fingerprint other) {
    return algorithm.equalsIgnoreCase(other.algorithm) && value.equalsIgnoreCase(other.value);
  }

  /**
   * The attribute value.
   *
   * @return {@code <algorithm> <value>}
   */
  @Override
  public String toString() {
    return algorithm + " " + value;
  }

  private static boolean isHexPairs(String s) {
    if (s == null || s.length() < 2 || (s.length() + 1) % 3 != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
