package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevocationReasonTest {

  @Test
  void codesRoundTrip() {
    for (RevocationReason r : RevocationReason.values()) {
      assertThat(RevocationReason.fromCode(r.code())).isSameAs(r);
      assertThat(r.code()).matches("[a-z_]{1,32}");
    }
    assertThat(RevocationReason.SIGNED_IN_ELSEWHERE.code()).isEqualTo("signed_in_elsewhere");
    assertThat(RevocationReason.fromCode(null)).isNull();
    assertThat(RevocationReason.fromCode("LOGOUT")).isNull();
  }
}
