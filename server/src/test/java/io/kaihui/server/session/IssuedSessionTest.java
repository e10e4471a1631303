package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedSessionTest {

  @Test
  void toStringHidesTheTokenAndTheListIsCopied() {
    Instant t = Instant.EPOCH;
    Session s = new Session("sid", 1, t, t, t.plusSeconds(1), null, null, null, null);
    List<Session> revoked = new ArrayList<>();
    IssuedSession issued = new IssuedSession("secret-token-value", s, revoked);
    revoked.add(s);
    assertThat(issued.toString()).doesNotContain("secret-token-value").contains("sid");
    assertThat(issued.revoked()).isEmpty();
  }
}
