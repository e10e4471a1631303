package io.kaihui.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session tokens and the hashes stored in their place. A token is 32 bytes from
 * {@link SecureRandom} (256 bits, so guessing one is hopeless and a fast unsalted hash is enough
 * to make a stolen table useless), written in base64url without padding (RFC 4648 §5).
 */
final class SessionTokens {

  /** Length of a token in characters: 32 bytes in base64url without padding. */
  static final int TOKEN_CHARS = 43;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  SessionTokens(SecureRandom random) {
    this.random = random;
  }

  /** A new token. */
  String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** A new public session id: 16 random bytes, 22 base64url characters. */
  String newSessionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /**
   * Whether a string can be a token at all (43 base64url characters), checked before any
   * database access so that garbage costs nothing.
   */
  static boolean wellFormed(String token) {
    if (token == null || token.length() != TOKEN_CHARS) {
      return false;
    }
    for (int i = 0; i < TOKEN_CHARS; i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The stored form of a token: SHA-256 of its ASCII text, 64 lower-case hex digits.
   *
   * @param token a token
   * @return the hash
   */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
