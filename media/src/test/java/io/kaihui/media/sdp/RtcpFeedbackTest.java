package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpFeedbackTest {

  @Test
  void parsesTypesParametersAndTheWildcard() throws SdpParseException {
    assertThat(RtcpFeedback.parse("96 nack pli")).isEqualTo(new RtcpFeedback(96, "nack", "pli"));
    assertThat(RtcpFeedback.parse("96 nack")).isEqualTo(new RtcpFeedback(96, "nack", null));
    assertThat(RtcpFeedback.parse("96 ccm tmmbr smaxpr=120").parameter())
        .isEqualTo("tmmbr smaxpr=120");
    RtcpFeedback all = RtcpFeedback.parse("* transport-cc");
    assertThat(all.payloadType()).isEqualTo(RtcpFeedback.ALL_PAYLOAD_TYPES);
    assertThat(all.appliesTo(96)).isTrue();
    assertThat(all.toString()).isEqualTo("* transport-cc");
    assertThat(new RtcpFeedback(96, "ccm", "fir").appliesTo(97)).isFalse();
    assertThat(new RtcpFeedback(96, "ccm", "fir").toString()).isEqualTo("96 ccm fir");
  }

  @Test
  void rejectsMalformedEntries() {
    for (String bad :
        List.of("", "96", "96 ", "** nack", "128 nack", "96 na:ck", "96 nack ", "-1 nack")) {
      Garbage.rejected(RtcpFeedback::parse, bad);
    }
  }

  @Test
  void fuzzedEntriesParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                RtcpFeedback::parse,
                RtcpFeedback::toString,
                4585,
                List.of("96 nack pli", "* goog-remb")))
        .isPositive();
  }
}
