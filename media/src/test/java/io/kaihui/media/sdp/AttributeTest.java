package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeTest {

  @Test
  void splitsAtTheFirstColonAndKeepsTheValueVerbatim() throws SdpParseException {
    assertThat(Attribute.parse("rtpmap:111 opus/48000/2"))
        .isEqualTo(new Attribute("rtpmap", "111 opus/48000/2"));
    assertThat(Attribute.parse("msid-semantic: WMS *").value()).isEqualTo(" WMS *");
    assertThat(Attribute.parse("candidate:1 1 udp 1 ::1 5 typ host").value())
        .isEqualTo("1 1 udp 1 ::1 5 typ host");
    assertThat(Attribute.parse("rtcp-mux")).isEqualTo(Attribute.flag("rtcp-mux"));
    assertThat(Attribute.parse("rtcp-mux").isFlag()).isTrue();
    assertThat(Attribute.parse("x:").value()).isEmpty();
    assertThat(Attribute.parse("x:").isFlag()).isFalse();
  }

  @Test
  void writesNameAndValue() {
    assertThat(new Attribute("mid", "0").toString()).isEqualTo("mid:0");
    assertThat(Attribute.flag("ice-lite").toString()).isEqualTo("ice-lite");
    assertThat(new Attribute("x", "").toString()).isEqualTo("x:");
    assertThat(new Attribute("mid", "0").is("mid")).isTrue();
    assertThat(new Attribute("mid", "0").is("MID")).isFalse();
  }

  @Test
  void rejectsBadNamesAndControlCharacters() {
    for (String bad : List.of("", ":x", "a b:c", "a\rb", "mid:0\n", "x:\0", "é:1")) {
      Garbage.rejected(Attribute::parse, bad);
    }
    assertThatThrownBy(() -> new Attribute("a b", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attribute("a", "x\ny"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzedAttributesParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(
                Attribute::parse,
                Attribute::toString,
                5013,
                List.of("fmtp:111 minptime=10;useinbandfec=1", "ice-lite")))
        .isPositive();
  }
}
