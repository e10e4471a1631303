package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NackTest {

  @Test
  void packsAscendingNumbersIntoPidAndBitmask() {
    assertThat(Nack.packFeedbackControlInformation(List.of(100, 101, 105, 115)))
        .containsExactly(100 << 16 | 0x4011);
    assertThat(Nack.packFeedbackControlInformation(List.of(100, 116)))
        .containsExactly(100 << 16 | 0x8000);
    assertThat(Nack.packFeedbackControlInformation(List.of(100, 117)))
        .containsExactly(100 << 16, 117 << 16);
  }

  @Test
  void packsAcrossTheWrap() {
    assertThat(Nack.packFeedbackControlInformation(List.of(65535, 0, 15)))
        .containsExactly(0xFFFF_0000 | 0x8001);
  }

  @Test
  void keepsTheListOrderInsteadOfMerging() {
    // 6 after 7 would be lost by merging it into PID 5's bitmask; it opens an entry instead.
    assertThat(Nack.packFeedbackControlInformation(List.of(5, 7, 6)))
        .containsExactly(5 << 16 | 0x2, 6 << 16);
    assertThat(Nack.packFeedbackControlInformation(List.of(5, 5)))
        .containsExactly(5 << 16, 5 << 16);
  }

  @Test
  void sizeCountsPackedEntries() {
    assertThat(new Nack(1, 2, List.of(1, 2, 3)).size()).isEqualTo(16);
    assertThat(new Nack(1, 2, List.of(1, 30, 60)).size()).isEqualTo(24);
  }

  @Test
  void rejectsWhatTheWireCannotCarry() {
    assertThatThrownBy(() -> new Nack(1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new Nack(1, 2, List.of(65536)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lost sequence number");
    assertThatThrownBy(() -> new Nack(1L << 32, 2, List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    List<Integer> tooMany = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      tooMany.add((i * 17) & 0xFFFF);
    }
    assertThatThrownBy(() -> new Nack(1, 2, tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void copiesTheList() {
    List<Integer> lost = new ArrayList<>(List.of(1, 2));
    Nack nack = new Nack(1, 2, lost);
    lost.add(3);
    assertThat(nack.lostSequenceNumbers()).containsExactly(1, 2);
  }
}
