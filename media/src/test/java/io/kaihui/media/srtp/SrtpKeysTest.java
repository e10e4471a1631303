package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpKeysTest {

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void keyingMaterialSplitsAsRfc5764Section42Says(SrtpProfile profile) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    byte[] material = new byte[profile.keyingMaterialLength()];
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) i;
    }

    SrtpKeys server = SrtpKeys.fromKeyingMaterial(profile, material, true);
    SrtpKeys client = SrtpKeys.fromKeyingMaterial(profile, material, false);

    // client_write_SRTP_master_key | server_write_SRTP_master_key | client salt | server salt
    assertThat(client.localKey()).isEqualTo(range(0, k));
    assertThat(server.localKey()).isEqualTo(range(k, 2 * k));
    assertThat(client.localSalt()).isEqualTo(range(2 * k, 2 * k + s));
    assertThat(server.localSalt()).isEqualTo(range(2 * k + s, 2 * k + 2 * s));
    assertThat(server.remoteKey()).isEqualTo(client.localKey());
    assertThat(server.remoteSalt()).isEqualTo(client.localSalt());
    assertThat(server.mirror()).isEqualTo(client);
    assertThat(server.mirror().hashCode()).isEqualTo(client.hashCode());
    assertThat(server).isNotEqualTo(client);
  }

  @Test
  void wrongLengthsAreRefused() {
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;
    assertThatThrownBy(() -> SrtpKeys.fromKeyingMaterial(gcm, new byte[60], true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SrtpKeys(gcm, new byte[16], new byte[14], new byte[16],
        new byte[12])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SrtpKeys(gcm, new byte[16], new byte[12], null, new byte[12]))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void keysAreCopiedInAndOutAndNeverPrinted() {
    byte[] key = range(100, 116);
    SrtpKeys keys = new SrtpKeys(SrtpProfile.AEAD_AES_128_GCM, key, new byte[12],
        new byte[16], new byte[12]);
    key[0] = 0;
    keys.localKey()[1] = 0;

    assertThat(keys.localKey()).isEqualTo(range(100, 116));
    assertThat(keys.toString()).contains("AEAD_AES_128_GCM")
        .doesNotContainIgnoringCase(HexFormat.of().formatHex(range(100, 116)));
  }

  private static byte[] range(int from, int to) {
    byte[] b = new byte[to - from];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }
}
