package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.server.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, ThrottlePolicy.DEFAULTS);

  @Test
  void firstFiveFailuresAreFree() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.acquire("account:a")).isZero();
    }
    assertThat(throttle.acquire("account:a")).isEqualTo(1);
  }

  @Test
  void backoffDoublesAndIsCapped() {
    ThrottlePolicy slowWindow = new ThrottlePolicy(Duration.ofMinutes(1), 1000,
        Duration.ofMinutes(15), 5, Duration.ofSeconds(1), Duration.ofMinutes(5),
        Duration.ofHours(1), 100);
    LoginThrottle t = new LoginThrottle(clock, slowWindow);
    for (int i = 0; i < 5; i++) {
      t.acquire("k");
    }
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long wait = t.acquire("k");
      waits.add(wait);
      assertThat(t.retryAfterSeconds("k")).isEqualTo(wait);
      clock.advance(Duration.ofSeconds(wait));
      assertThat(t.acquire("k")).isZero();
    }
    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L,
        300L);
  }

  @Test
  void eleventhAttemptWithinAMinuteIsRefusedAndLocks() {
    long elapsed = 0;
    for (int i = 0; i < 10; i++) {
      long wait = throttle.retryAfterSeconds("account:a");
      clock.advance(Duration.ofSeconds(wait));
      elapsed += wait;
      assertThat(throttle.acquire("account:a")).as("attempt %d", i + 1).isZero();
    }
    assertThat(elapsed).as("ten failures fit in a minute").isEqualTo(31);
    assertThat(throttle.acquire("account:a")).isEqualTo(15 * 60);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(throttle.acquire("account:a")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.acquire("account:a")).as("lock over").isZero();
    assertThat(throttle.acquire("account:a")).as("backoff resumes").isEqualTo(64);
  }

  @Test
  void refusedAttemptsAreNotCounted() {
    for (int i = 0; i < 5; i++) {
      throttle.acquire("k");
    }
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.acquire("k")).isEqualTo(1);
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.acquire("k")).isZero();
  }

  @Test
  void everyKeyMustAllowTheAttempt() {
    for (int i = 0; i < 5; i++) {
      throttle.acquire("account:a", "address:x");
    }
    assertThat(throttle.acquire("account:b", "address:x")).isEqualTo(1);
    assertThat(throttle.acquire("account:a", "address:y")).isEqualTo(1);
    assertThat(throttle.acquire("account:b", "address:y")).isZero();
  }

  @Test
  void resetForgetsAndReleaseTakesBackOne() {
    for (int i = 0; i < 5; i++) {
      throttle.acquire("account:a", "address:x");
    }
    throttle.reset("account:a");
    throttle.release("address:x");
    assertThat(throttle.acquire("account:a", "address:x")).isZero();
    assertThat(throttle.acquire("account:a", "address:x")).isEqualTo(1);
    throttle.release("address:never-seen");
    assertThat(throttle.retryAfterSeconds("address:never-seen")).isZero();
  }

  @Test
  void idleKeysAreForgotten() {
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofSeconds(throttle.retryAfterSeconds("k")));
      throttle.acquire("k");
    }
    assertThat(throttle.size()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    assertThat(throttle.retryAfterSeconds("k")).isZero();
    assertThat(throttle.size()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.acquire("k")).as("fresh start").isZero();
    }
  }

  @Test
  void memoryIsBounded() {
    LoginThrottle small = new LoginThrottle(clock, new ThrottlePolicy(Duration.ofMinutes(1), 10,
        Duration.ofMinutes(15), 5, Duration.ofSeconds(1), Duration.ofMinutes(5),
        Duration.ofHours(1), 1000));
    for (int i = 0; i < 50_000; i++) {
      small.acquire("address:" + i);
    }
    assertThat(small.size()).isEqualTo(1000);
  }

  @Test
  void parallelGuessesCannotSlipPastTheCount() throws Exception {
    int n = 64;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return throttle.acquire("account:a");
        }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Long> f : results) {
        allowed += f.get() == 0 ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }
}
