package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpGrammarTest {

  @Test
  void decimalAcceptsTheFullLongRangeAndNothingMore() throws SdpParseException {
    assertThat(SdpGrammar.decimal("9223372036854775807", 0, Long.MAX_VALUE, "n"))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(SdpGrammar.decimal("007", 0, 10, "n")).isEqualTo(7);
    for (String bad :
        List.of(
            "9223372036854775808",
            "9999999999999999999",
            "18446744073709551617",
            "00000000000000000001",
            "",
            "+1",
            "-1",
            "1 ",
            "١")) {
      Garbage.rejected(s -> SdpGrammar.decimal(s, 0, Long.MAX_VALUE, "n"), bad);
    }
    Garbage.rejected(s -> SdpGrammar.integer(s, 1, 5, "n"), "6");
    Garbage.rejected(s -> SdpGrammar.integer(s, 1, 5, "n"), "0");
  }

  @Test
  void tokenAndIceCharacterClasses() {
    assertThat(SdpGrammar.isToken("UDP/TLS")).isFalse();
    assertThat(SdpGrammar.isToken("transport-cc")).isTrue();
    assertThat(SdpGrammar.isToken("a:b")).isFalse();
    assertThat(SdpGrammar.isToken("")).isFalse();
    assertThat(SdpGrammar.isIceChars("O/CjK1mrp+Rv")).isTrue();
    assertThat(SdpGrammar.isIceChars("a-b")).isFalse();
    assertThat(SdpGrammar.isNonWhitespace("a\tb")).isFalse();
    assertThat(SdpGrammar.isLineText("tab\tis fine")).isTrue();
    assertThat(SdpGrammar.shorten("x".repeat(100))).hasSize(67).endsWith("...");
  }
}
