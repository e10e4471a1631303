package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MsidTest {

  @Test
  void parsesStreamAndTrack() throws SdpParseException {
    assertThat(Msid.parse("kaihui-p1 kaihui-p1-audio"))
        .isEqualTo(new Msid("kaihui-p1", "kaihui-p1-audio"));
    assertThat(Msid.parse("- track")).isEqualTo(new Msid("-", "track"));
    assertThat(Msid.parse("stream")).isEqualTo(new Msid("stream", null));
    assertThat(new Msid("s", "t").toString()).isEqualTo("s t");
    assertThat(new Msid("s", null).toString()).isEqualTo("s");
  }

  @Test
  void rejectsMalformedValues() {
    for (String bad : List.of("", " ", "a b c", "a  b", "a b ", "a:b")) {
      Garbage.rejected(Msid::parse, bad);
    }
  }

  @Test
  void fuzzedValuesParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                Msid::parse,
                Msid::toString,
                8830,
                List.of(
                    "bbd63beb-9855-4222-94dc-309fdcfabe6e 5bb272f1-9b60-4bd4-93b9-1046051b1524")))
        .isPositive();
  }
}
