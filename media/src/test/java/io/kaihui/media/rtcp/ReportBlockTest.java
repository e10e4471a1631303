package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportBlockTest {

  @Test
  void acceptsTheWholeRangeOfEveryField() {
    ReportBlock low = new ReportBlock(0, 0, ReportBlock.MIN_CUMULATIVE_LOST, 0, 0, 0, 0);
    ReportBlock high =
        new ReportBlock(
            0xFFFFFFFFL,
            255,
            ReportBlock.MAX_CUMULATIVE_LOST,
            0xFFFFFFFFL,
            0xFFFFFFFFL,
            0xFFFFFFFFL,
            0xFFFFFFFFL);
    assertThat(low.cumulativeLost()).isEqualTo(-(1 << 23));
    assertThat(high.cumulativeLost()).isEqualTo((1 << 23) - 1);
  }

  @Test
  void rejectsValuesTheWireCannotCarry() {
    assertThatThrownBy(() -> new ReportBlock(1L << 32, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrc");
    assertThatThrownBy(() -> new ReportBlock(-1, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrc");
    assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fractionLost");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cumulativeLost");
    assertThatThrownBy(() -> new ReportBlock(1, 0, -(1 << 23) - 1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReportBlock(1, 0, 0, 1L << 32, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extendedHighestSequence");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 0, 0, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jitter");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 0, 0, 0, 1L << 32, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastSenderReport");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 0, 0, 0, 0, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delaySinceLastSenderReport");
  }
}
