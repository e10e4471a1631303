package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTest {

  @Test
  void parsesChromiumAndFirefoxOrigins() throws SdpParseException {
    assertThat(Origin.parse("- 4611731400430051336 2 IN IP4 127.0.0.1"))
        .isEqualTo(new Origin("-", 4611731400430051336L, 2, "IN", "IP4", "127.0.0.1"));
    assertThat(
            Origin.parse("mozilla...THIS_IS_SDPARTA-99.0 6289223567023262143 0 IN IP4 0.0.0.0")
                .username())
        .isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
    assertThat(Origin.parse("- 9223372036854775807 0 IN IP6 ::1").sessionId())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anonymousOriginAndNewVersions() {
    Origin o = Origin.anonymous(42, 1);
    assertThat(o.toString()).isEqualTo("- 42 1 IN IP4 0.0.0.0");
    assertThat(o.withSessionVersion(2).toString()).isEqualTo("- 42 2 IN IP4 0.0.0.0");
    assertThatThrownBy(() -> Origin.anonymous(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNumericGarbageAndMissingFields() {
    for (String bad :
        List.of(
            "",
            "- 1 1 IN IP4",
            "- 1 1 IN IP4 1.2.3.4 extra",
            "- x 1 IN IP4 a",
            "- 1 1.5 IN IP4 a",
            "- 9223372036854775808 1 IN IP4 a",
            "- +1 1 IN IP4 a",
            "- 1 1 IN IP4  a",
            "- 1 1 I:N IP4 a",
            "- 1 1 IN IP4 ")) {
      Garbage.rejected(Origin::parse, bad);
    }
  }

  @Test
  void fuzzedOriginsParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                Origin::parse,
                Origin::toString,
                8866,
                List.of("- 5148405364606390010 2 IN IP4 127.0.0.1")))
        .isPositive();
  }
}
