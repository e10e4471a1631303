package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {

  @Test
  void parsesStartAndStop() throws SdpParseException {
    assertThat(Timing.parse("0 0")).isEqualTo(Timing.PERMANENT);
    assertThat(Timing.parse("3034423619 3042462419"))
        .isEqualTo(new Timing(3034423619L, 3042462419L));
    assertThat(new Timing(1, 2).toString()).isEqualTo("1 2");
  }

  @Test
  void rejectsMalformedTimes() {
    for (String bad : List.of("", "0", "0 0 0", "0  0", "a 0", "0 -1")) {
      Garbage.rejected(Timing::parse, bad);
    }
  }

  @Test
  void fuzzedTimesParseOrAreRejected() {
    assertThat(Garbage.fuzz(Timing::parse, Timing::toString, 59, List.of("3034423619 3042462419")))
        .isPositive();
  }
}
