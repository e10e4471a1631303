package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

  private final SessionTokens tokens = new SessionTokens(new SecureRandom());

  @Test
  void tokensAre32RandomBytesInBase64url() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String t = tokens.newToken();
      assertThat(t).matches("[A-Za-z0-9_-]{43}");
      assertThat(java.util.Base64.getUrlDecoder().decode(t)).hasSize(32);
      assertThat(SessionTokens.wellFormed(t)).isTrue();
      assertThat(seen.add(t)).isTrue();
    }
  }

  @Test
  void sessionIdsAre16RandomBytes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = tokens.newSessionId();
      assertThat(id).matches("[A-Za-z0-9_-]{22}");
      assertThat(seen.add(id)).isTrue();
      assertThat(SessionTokens.wellFormed(id)).isFalse();
    }
  }

  @Test
  void hashIsSha256Hex() {
    // FIPS 180-2, appendix B.1
    assertThat(SessionTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String t = tokens.newToken();
    assertThat(SessionTokens.hash(t)).hasSize(64).matches("[0-9a-f]{64}")
        .isEqualTo(SessionTokens.hash(t)).isNotEqualTo(SessionTokens.hash(tokens.newToken()));
  }

  @Test
  void wellFormedRefusesGarbage() {
    assertThat(SessionTokens.wellFormed(null)).isFalse();
    assertThat(SessionTokens.wellFormed("")).isFalse();
    assertThat(SessionTokens.wellFormed("A".repeat(42))).isFalse();
    assertThat(SessionTokens.wellFormed("A".repeat(44))).isFalse();
    assertThat(SessionTokens.wellFormed("A".repeat(42) + "=")).isFalse();
    assertThat(SessionTokens.wellFormed("A".repeat(42) + "+")).isFalse();
    assertThat(SessionTokens.wellFormed("A".repeat(42) + "é")).isFalse();
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      char[] c = new char[43];
      for (int j = 0; j < c.length; j++) {
        c[j] = (char) random.nextInt(128);
      }
      String s = new String(c);
      assertThat(SessionTokens.wellFormed(s)).isEqualTo(s.matches("[A-Za-z0-9_-]{43}"));
    }
  }
}
