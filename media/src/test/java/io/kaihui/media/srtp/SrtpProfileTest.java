package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {

  @Test
  void idsAreThoseOfTheIanaRegistry() {
    assertThat(SrtpProfile.fromId(0x0007)).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(SrtpProfile.fromId(0x0001)).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    assertThat(SrtpProfile.AEAD_AES_128_GCM.id()).isEqualTo(7);
    assertThat(SrtpProfile.AES128_CM_HMAC_SHA1_80.id()).isEqualTo(1);
  }

  @Test
  void everyOtherIdIsRefused() {
    for (int id = 0; id <= 0xFFFF; id++) {
      if (id != 1 && id != 7) {
        int unsupported = id;
        assertThatThrownBy(() -> SrtpProfile.fromId(unsupported))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void lengthsFollowRfc7714AndRfc3711() {
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;
    assertThat(gcm.keyLength()).isEqualTo(16);
    assertThat(gcm.saltLength()).isEqualTo(12);
    assertThat(gcm.rtpOverhead()).isEqualTo(16);
    assertThat(gcm.rtcpOverhead()).isEqualTo(20);
    assertThat(gcm.keyingMaterialLength()).isEqualTo(56);

    SrtpProfile hmac = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    assertThat(hmac.keyLength()).isEqualTo(16);
    assertThat(hmac.saltLength()).isEqualTo(14);
    assertThat(hmac.rtpOverhead()).isEqualTo(10);
    assertThat(hmac.rtcpOverhead()).isEqualTo(14);
    assertThat(hmac.keyingMaterialLength()).isEqualTo(60);
  }
}
