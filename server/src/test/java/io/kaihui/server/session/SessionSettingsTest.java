package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

  @Test
  void defaults() {
    assertThat(SessionSettings.DEFAULTS.singleSession()).isTrue();
    assertThat(SessionSettings.DEFAULTS.rememberMeLifetime()).isEqualTo(Duration.ofDays(30));
    assertThat(SessionSettings.DEFAULTS.lifetime()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new SessionSettings(true, null, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionSettings(true, Duration.ofDays(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionSettings(true, Duration.ofDays(401), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionSettings(true, Duration.ofDays(1), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
