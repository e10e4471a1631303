package io.kaihui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CpuLoadTest {

  // The first line of /proc/stat on a Linux 6 machine.
  private static final String LINE = "cpu  10132153 290696 3084719 46828483 16683 0 25195 0 0 0";

  @Test
  void busyIsAllButIdleAndIowait() {
    CpuLoad load = CpuLoad.parse(LINE);
    long total = 10132153L + 290696 + 3084719 + 46828483 + 16683 + 0 + 25195 + 0;
    assertThat(load.total()).isEqualTo(total);
    assertThat(load.busy()).isEqualTo(total - 46828483L - 16683);
  }

  @Test
  void busyShareBetweenReadings() {
    CpuLoad earlier = new CpuLoad(100, 1000);
    assertThat(new CpuLoad(400, 2000).busySince(earlier)).isEqualTo(0.3);
    assertThat(earlier.busySince(earlier)).isNaN();
  }

  @Test
  void aPerCoreOrMalformedLineIsRefused() {
    assertThatThrownBy(() -> CpuLoad.parse("cpu0 1 2 3 4 5"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CpuLoad.parse("cpu 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CpuLoad.parse("cpu 1 2 x 4 5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomAndTruncatedLinesOnlyThrowIllegalArgument() {
    Random random = new Random(3);
    String alphabet = "cpu 0123456789-x\t";
    for (int i = 0; i < 5000; i++) {
      String line = random.nextBoolean()
          ? LINE.substring(0, random.nextInt(LINE.length() + 1))
          : random.ints(random.nextInt(60), 0, alphabet.length())
              .mapToObj(k -> String.valueOf(alphabet.charAt(k))).reduce("", String::concat);
      try {
        CpuLoad.parse(line);
      } catch (IllegalArgumentException expected) {
        // the documented failure
      }
    }
    assertThat(CpuLoad.now().total()).isGreaterThanOrEqualTo(0);
  }
}
