package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtpMapTest {

  @Test
  void parsesAudioAndVideoMappings() throws SdpParseException {
    assertThat(RtpMap.parse("111 opus/48000/2")).isEqualTo(new RtpMap(111, "opus", 48000, 2));
    assertThat(RtpMap.parse("96 VP8/90000")).isEqualTo(new RtpMap(96, "VP8", 90000, null));
    assertThat(RtpMap.parse("110 telephone-event/48000").encodingName())
        .isEqualTo("telephone-event");
    assertThat(new RtpMap(111, "opus", 48000, 2).toString()).isEqualTo("111 opus/48000/2");
    assertThat(new RtpMap(0, "PCMU", 8000, null).toString()).isEqualTo("0 PCMU/8000");
  }

  @Test
  void rejectsMalformedMappings() {
    for (String bad :
        List.of(
            "",
            "111",
            "111 opus",
            "111 opus/",
            "111 opus/0",
            "128 opus/48000",
            "x opus/48000",
            "111 opus/48000/0",
            "111 opus/48000/2/1",
            "111 /48000",
            "111  opus/48000",
            "111 op us/48000",
            "-1 opus/48000",
            "111 opus/99999999999")) {
      Garbage.rejected(RtpMap::parse, bad);
    }
    assertThatThrownBy(() -> new RtpMap(96, "VP8/x", 90000, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzedMappingsParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                RtpMap::parse, RtpMap::toString, 6, List.of("111 opus/48000/2", "97 rtx/90000")))
        .isPositive();
  }
}
