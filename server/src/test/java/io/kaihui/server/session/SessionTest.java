package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void liveUntilItExpiresOrIsRevoked() {
    Session s = new Session("id", 1, T, T, T.plusSeconds(10), null, null, null, null);
    assertThat(s.liveAt(T)).isTrue();
    assertThat(s.liveAt(T.plusSeconds(10).minusMillis(1))).isTrue();
    assertThat(s.liveAt(T.plusSeconds(10))).isFalse();
    Session revoked = new Session("id", 1, T, T, T.plusSeconds(10), T,
        RevocationReason.LOGOUT, null, null);
    assertThat(revoked.liveAt(T)).isFalse();
  }
}
