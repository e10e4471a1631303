package io.kaihui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void namedValuesWithDefaults() {
    BenchOptions o = BenchOptions.parse("--runs=12", "", "--audio=false");
    assertThat(o.integer("runs", 15)).isEqualTo(12);
    assertThat(o.integer("rounds", 3)).isEqualTo(3);
    assertThat(o.bool("audio", true)).isFalse();
    assertThat(o.bool("other", true)).isTrue();
  }

  @Test
  void badArgumentsAndValuesAreRefused() {
    assertThatThrownBy(() -> BenchOptions.parse("runs=12"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchOptions.parse("--=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchOptions.parse("--runs=x").integer("runs", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--runs");
    assertThatThrownBy(() -> BenchOptions.parse("--audio=yes").bool("audio", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--audio");
  }
}
