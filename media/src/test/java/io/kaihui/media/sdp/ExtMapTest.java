package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtMapTest {

  @Test
  void parsesIdDirectionUriAndAttributes() throws SdpParseException {
    assertThat(ExtMap.parse("4 urn:ietf:params:rtp-hdrext:sdes:mid"))
        .isEqualTo(ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
    // RFC 8285 §5 example shape with a direction and extension attributes
    ExtMap e = ExtMap.parse("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
    assertThat(e)
        .isEqualTo(
            new ExtMap(2, Direction.SENDRECV, "http://example.com/082005/ext.htm#xmeta", "short"));
    assertThat(e.toString()).isEqualTo("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
    assertThat(ExtMap.parse("255/recvonly urn:x").direction()).isEqualTo(Direction.RECVONLY);
  }

  @Test
  void rejectsMalformedMappings() {
    for (String bad :
        List.of(
            "",
            "4",
            "0 urn:x",
            "256 urn:x",
            "4/up urn:x",
            "4/ urn:x",
            "x urn:x",
            "4  urn:x",
            "4 urn:x ",
            "4/sendonly")) {
      Garbage.rejected(ExtMap::parse, bad);
    }
  }

  @Test
  void fuzzedMappingsParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                ExtMap::parse,
                ExtMap::toString,
                8285,
                List.of(
                    "3/recvonly"
                        + " http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"
                        + " a b")))
        .isPositive();
  }
}
