package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsrcAttributeTest {

  @Test
  void parsesNameAndValue() throws SdpParseException {
    assertThat(SsrcAttribute.parse("3058461377 cname:pTDeD2WgqnUi8G/T"))
        .isEqualTo(new SsrcAttribute(3058461377L, "cname", "pTDeD2WgqnUi8G/T"));
    assertThat(SsrcAttribute.parse("1 msid:a b").value()).isEqualTo("a b");
    assertThat(SsrcAttribute.parse("4294967295 foo"))
        .isEqualTo(new SsrcAttribute(0xFFFF_FFFFL, "foo", null));
    assertThat(SsrcAttribute.parse("1 label:")).extracting(SsrcAttribute::value).isEqualTo("");
    assertThat(new SsrcAttribute(7, "cname", "x").toString()).isEqualTo("7 cname:x");
  }

  @Test
  void rejectsMalformedLines() {
    for (String bad :
        List.of(
            "", "1", "1 ", "4294967296 cname:x", "-1 cname:x", "x cname:x", "1 :x", "1  cname:x")) {
      Garbage.rejected(SsrcAttribute::parse, bad);
    }
  }

  @Test
  void fuzzedLinesParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                SsrcAttribute::parse,
                SsrcAttribute::toString,
                5576,
                List.of("3058461377 msid:bbd63beb-9855 5bb272f1-9b60")))
        .isPositive();
  }
}
