package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpSectionTest {

  private static final Fingerprint FP = Fingerprint.of("sha-256", new byte[] {1, 2, 3});

  private static List<SdpSection> bothLevels() {
    return List.of(
        new SessionDescription(Origin.anonymous(1, 1)),
        new MediaDescription("audio", 9, MediaDescription.PROTO_RTP, List.of("111")));
  }

  @Test
  void iceCredentialsAndOptionsAtEitherLevel() {
    for (SdpSection s : bothLevels()) {
      assertThat(s.iceUfrag()).isNull();
      assertThat(s.iceOptions()).isEmpty();
      s.setIceUfrag("kh7Q");
      s.setIcePwd("Yp0c2sM9vKq3tRw8nB5x+/");
      s.setIceOptions(List.of("trickle", "ice2"));

      assertThat(s.iceUfrag()).isEqualTo("kh7Q");
      assertThat(s.icePwd()).isEqualTo("Yp0c2sM9vKq3tRw8nB5x+/");
      assertThat(s.iceOptions()).containsExactly("trickle", "ice2");
      assertThat(s.attributes().values("ice-options")).containsExactly("trickle ice2");
      s.setIceOptions(List.of());
      assertThat(s.attributes().has("ice-options")).isFalse();
      assertThatThrownBy(() -> s.setIceUfrag("a:b")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.setIceOptions(List.of("a b")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void fingerprintSetupDirectionAndExtensionsAtEitherLevel() {
    for (SdpSection s : bothLevels()) {
      s.attributes().add("fingerprint", "sha-1 AA:BB");
      s.attributes().add("fingerprint", "sha-256 CC:DD");
      assertThat(s.fingerprints()).hasSize(2);
      s.setFingerprint(FP);
      assertThat(s.fingerprints()).containsExactly(FP);
      assertThat(s.attributes().values("fingerprint")).containsExactly("sha-256 01:02:03");

      assertThat(s.setup()).isNull();
      s.setSetup(Setup.PASSIVE);
      assertThat(s.setup()).isEqualTo(Setup.PASSIVE);

      assertThat(s.direction()).isNull();
      s.setDirection(Direction.INACTIVE);
      assertThat(s.direction()).isEqualTo(Direction.INACTIVE);

      s.addExtMap(ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
      assertThat(s.extmaps()).containsExactly(ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
      s.setExtmapAllowMixed(true);
      assertThat(s.extmapAllowMixed()).isTrue();
      s.setExtmapAllowMixed(false);
      assertThat(s.extmapAllowMixed()).isFalse();
    }
  }

  @Test
  void connectionBandwidthAndKeptLinesAreWrittenInRfcOrder() {
    SessionDescription sd = new SessionDescription(Origin.anonymous(7, 1));
    sd.otherLines().add(new SdpLine('z', "2882844526 -1h"));
    sd.otherLines().add(new SdpLine('e', "ops@example.com"));
    sd.setConnection(Connection.of("0.0.0.0"));
    sd.bandwidths().add(new Bandwidth("CT", 1000));
    sd.setIceLite(true);

    assertThat(sd.toString())
        .isEqualTo(
            "v=0\r\no=- 7 1 IN IP4 0.0.0.0\r\ns=-\r\ne=ops@example.com\r\n"
                + "c=IN IP4 0.0.0.0\r\nb=CT:1000\r\nt=0 0\r\nz=2882844526 -1h\r\na=ice-lite\r\n");
    sd.setConnection(null);
    assertThat(sd.connection()).isNull();
    assertThat(sd.toString()).doesNotContain("c=");
  }
}
