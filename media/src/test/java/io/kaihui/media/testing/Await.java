package io.kaihui.media.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes, for tests over real sockets: the deadline
 * is generous (a few seconds) and only bounds a failure, it never asserts speed.
 */
public final class Await {

  private static final long POLL_MS = 20;

  private Await() {}

  /**
   * Waits until {@code condition} holds.
   *
   * @param timeout the most to wait
   * @param what what is awaited, for the failure message
   * @param condition the condition, polled every 20 ms
   * @throws AssertionError if it does not hold in time
   */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    until(timeout, () -> what, condition);
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @param timeout the most to wait
   * @param what describes what is awaited and the state seen, for the failure message
   * @param condition the condition, polled every 20 ms
   * @throws AssertionError if it does not hold in time
   */
  public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what.get(), e);
      }
    }
  }
}
