package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

  @Test
  void defaults() {
    ThrottlePolicy p = ThrottlePolicy.DEFAULTS;
    assertThat(p.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.maxFailuresInWindow()).isEqualTo(10);
    assertThat(p.lockDuration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.freeFailures()).isEqualTo(5);
  }

  @Test
  void refusesNonsense() {
    Duration s = Duration.ofSeconds(1);
    Duration h = Duration.ofHours(1);
    assertThatThrownBy(() -> new ThrottlePolicy(Duration.ZERO, 10, s, 5, s, s, h, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(s, 0, s, 5, s, s, h, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(s, 10, s, -1, s, s, h, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(s, 10, Duration.ofHours(2), 5, s, s, h, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(s, 10, s, 5, s, s, h, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(s, 10, null, 5, s, s, h, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
