package io.kaihui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void nearestRankPercentilesOfOneToTen() {
    Summary s = Summary.of(7, 3, 10, 1, 9, 2, 8, 4, 6, 5);
    assertThat(s).isEqualTo(new Summary(10, 1, 1, 5, 9, 10));
  }

  @Test
  void nearestRankOfTheWikipediaExample() {
    // Wikipedia "Percentile", nearest-rank method: 15, 20, 35, 40, 50.
    double[] sorted = {15, 20, 35, 40, 50};
    assertThat(Summary.rank(sorted, 5)).isEqualTo(15);
    assertThat(Summary.rank(sorted, 30)).isEqualTo(20);
    assertThat(Summary.rank(sorted, 40)).isEqualTo(20);
    assertThat(Summary.rank(sorted, 50)).isEqualTo(35);
    assertThat(Summary.rank(sorted, 100)).isEqualTo(50);
  }

  @Test
  void oneValueIsEveryStatistic() {
    assertThat(Summary.of(List.of(42.5))).isEqualTo(new Summary(1, 42.5, 42.5, 42.5, 42.5, 42.5));
  }

  @Test
  void nanValuesAreLeftOut() {
    assertThat(Summary.of(Double.NaN, 2, Double.NaN, 4).count()).isEqualTo(2);
    assertThatThrownBy(() -> Summary.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Summary.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void percentilesAreOrderedAndMembersForRandomSets() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double[] values = random.doubles(1 + random.nextInt(200), -1e3, 1e3).toArray();
      Summary s = Summary.of(values);
      assertThat(s.min()).isLessThanOrEqualTo(s.p10());
      assertThat(s.p10()).isLessThanOrEqualTo(s.median());
      assertThat(s.median()).isLessThanOrEqualTo(s.p90());
      assertThat(s.p90()).isLessThanOrEqualTo(s.max());
      assertThat(values).contains(s.p10(), s.median(), s.p90());
      long atOrBelowMedian = Arrays.stream(values).filter(v -> v <= s.median()).count();
      assertThat(atOrBelowMedian * 2).isGreaterThanOrEqualTo(values.length);
    }
  }

  @Test
  void markdownRowHasOneDecimal() {
    assertThat(Summary.of(1, 2, 3).markdownRow("x")).isEqualTo(
        "| x | 3 | 1.0 | 1.0 | 2.0 | 3.0 | 3.0 |");
    assertThat(Summary.markdownHeader("what", "ms").lines().count()).isEqualTo(2);
  }
}
