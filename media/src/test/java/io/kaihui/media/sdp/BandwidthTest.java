package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthTest {

  @Test
  void parsesTypeAndValue() throws SdpParseException {
    assertThat(Bandwidth.parse("AS:2000")).isEqualTo(new Bandwidth("AS", 2000));
    assertThat(Bandwidth.parse("TIAS:2500000").bandwidth()).isEqualTo(2_500_000L);
    assertThat(new Bandwidth("AS", 64).toString()).isEqualTo("AS:64");
    assertThatThrownBy(() -> new Bandwidth("AS", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMalformedLines() {
    for (String bad : List.of("", "AS", "AS:", ":1", "AS:x", "AS:-1", "A S:1", "AS:1 ")) {
      Garbage.rejected(Bandwidth::parse, bad);
    }
  }

  @Test
  void fuzzedLinesParseOrAreRejected() {
    assertThat(Garbage.fuzz(Bandwidth::parse, Bandwidth::toString, 3890, List.of("TIAS:2500000")))
        .isPositive();
  }
}
