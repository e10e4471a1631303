package io.kaihui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {

  @Test
  void otherClockAgainstTheMidpointOfTheReferenceReadings() {
    ClockOffset o = ClockOffset.fromRound(1000.0, 1003.5, 1004.0);
    assertThat(o.offsetMs()).isEqualTo(1.5);
    assertThat(o.uncertaintyMs()).isEqualTo(2.0);
  }

  @Test
  void theTrueOffsetLiesWithinTheUncertaintyWheneverTheOtherWasReadBetween() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      double trueOffset = random.nextGaussian() * 5;
      double before = 1.7e12 + random.nextDouble() * 1e6;
      double after = before + random.nextDouble() * 10;
      double readAt = before + random.nextDouble() * (after - before);
      ClockOffset o = ClockOffset.fromRound(before, readAt + trueOffset, after);
      assertThat(Math.abs(o.offsetMs() - trueOffset)).isLessThanOrEqualTo(o.uncertaintyMs() + 1e-3);
    }
  }

  @Test
  void aReferenceGoingBackwardsIsRefused() {
    assertThatThrownBy(() -> ClockOffset.fromRound(10, 10, 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ClockOffset.fromRound(10, 10, 10).uncertaintyMs()).isCloseTo(0, within(0.0));
  }
}
