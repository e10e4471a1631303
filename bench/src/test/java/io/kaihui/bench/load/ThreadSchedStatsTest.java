package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ThreadSchedStats} finds the busiest thread of a process from /proc. */
class ThreadSchedStatsTest {

  @Test
  void namesTheThreadThatBurnedTheCpu() throws Exception {
    long pid = ProcessHandle.current().pid();
    long start = System.nanoTime();
    Thread burner = new Thread(() -> {
      long x = 0;
      while (System.nanoTime() - start < 700_000_000L) {
        x += x * 31 + 7;
      }
      if (x == 42) {
        System.out.println(x);
      }
    }, "sched-burner");
    burner.start();
    // Both readings while it runs: only threads present in both count.
    Thread.sleep(50);
    ThreadSchedStats before = ThreadSchedStats.of(pid);
    long from = System.nanoTime();
    assertThat(before.threads()).isNotEmpty();
    Thread.sleep(400);
    String busiest = ThreadSchedStats.of(pid).busiestSince(before, System.nanoTime() - from);
    burner.join();
    assertThat(busiest).startsWith("busiest thread sched-burner: on a CPU ");
  }

  @Test
  void aMissingProcessIsAClearError() {
    assertThatThrownBy(() -> ThreadSchedStats.of(Integer.MAX_VALUE - 1))
        .hasMessageContaining("no process");
  }
}
