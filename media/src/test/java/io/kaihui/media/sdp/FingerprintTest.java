package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final String CHROMIUM =
      "sha-256 40:5D:B7:79:FD:86:90:EB:8B:FE:E2:53:62:39:61:15:"
          + "F8:9C:85:33:F3:0D:AD:76:72:0C:F0:22:48:F9:46:A5";

  @Test
  void parsesChromiumFingerprintAndDecodesItsDigest() throws SdpParseException {
    Fingerprint fp = Fingerprint.parse(CHROMIUM);

    assertThat(fp.algorithm()).isEqualTo("sha-256");
    byte[] digest = fp.digest();
    assertThat(digest).hasSize(32);
    assertThat(digest[0]).isEqualTo((byte) 0x40);
    assertThat(digest[31]).isEqualTo((byte) 0xA5);
    assertThat(fp.toString()).isEqualTo(CHROMIUM);
  }

  @Test
  void ofWritesUpperCaseHexAndMatchesIgnoringCase() throws SdpParseException {
    Fingerprint fp = Fingerprint.of("sha-256", new byte[] {0x0a, (byte) 0xff, 0x10});

    assertThat(fp.value()).isEqualTo("0A:FF:10");
    assertThat(fp.digest()).containsExactly(0x0a, 0xff, 0x10);
    assertThat(fp.matches(Fingerprint.parse("SHA-256 0a:ff:10"))).isTrue();
    assertThat(fp.matches(Fingerprint.parse("sha-1 0A:FF:10"))).isFalse();
    assertThat(fp.matches(Fingerprint.parse("sha-256 0A:FF:11"))).isFalse();
  }

  @Test
  void rejectsMalformedFingerprints() {
    for (String bad :
        List.of(
            "",
            "sha-256",
            "sha-256 ",
            "sha-256 A",
            "sha-256 AB:",
            "sha-256 AB:C",
            "sha-256 AB-CD",
            "sha-256 GG",
            "sha 256 AB",
            "sha-256  AB",
            "sha-256 AB:CD ",
            "sha-256 ١٢")) {
      Garbage.rejected(Fingerprint::parse, bad);
    }
    assertThatThrownBy(() -> new Fingerprint("sha-256", "ABC"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzedFingerprintsParseOrAreRejected() {
    assertThat(Garbage.fuzz(Fingerprint::parse, Fingerprint::toString, 8122, List.of(CHROMIUM)))
        .isPositive();
  }
}
