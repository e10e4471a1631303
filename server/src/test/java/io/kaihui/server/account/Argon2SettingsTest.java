package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2SettingsTest {

  @Test
  void owaspIs19MiB2Passes1Lane() {
    assertThat(Argon2Settings.OWASP).isEqualTo(new Argon2Settings(19456, 2, 1));
  }

  @Test
  void refusesOutOfRange() {
    assertThatThrownBy(() -> new Argon2Settings(7, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(16, 1, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(1024 * 1024 + 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(64, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(64, 65, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(64, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Settings(1024, 1, 17))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Argon2Settings(32, 1, 4).parallelism()).isEqualTo(4);
  }
}
