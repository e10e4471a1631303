package io.kaihui.server.account;

import java.time.Duration;

/**
 * How hard {@link LoginThrottle} pushes back on failed sign-ins, per key (an account or a client
 * address).
 *
 * <p>With the defaults: the first {@code freeFailures} (5) consecutive failures cost nothing;
 * then each further attempt must wait 1 s, 2 s, 4 s, ... (doubling, at most 5 min) after the
 * previous failure; and an attempt made when 10 failures already happened within the last
 * minute is refused and locks the key for 15 minutes. A key with no failure for an hour (and no
 * lock) is forgotten.
 *
 * @param window the sliding window for counting failures (default 1 minute)
 * @param maxFailuresInWindow failures allowed within the window; the next attempt is refused
 *     and locks (default 10, so the 11th is refused)
 * @param lockDuration how long a lock lasts (default 15 minutes)
 * @param freeFailures consecutive failures before backoff starts (default 5)
 * @param firstBackoff the first backoff delay; each further failure doubles it (default 1 s)
 * @param maxBackoff the longest backoff delay (default 5 minutes)
 * @param forgetAfter a key without failures for this long, and not locked, is forgotten
 *     (default 1 hour); at least the lock duration and the longest backoff
 * @param maxKeys the most keys remembered; the least recently used is dropped beyond it, which
 *     bounds memory (default 100,000, a few tens of MB at worst)
 */
public record ThrottlePolicy(Duration window, int maxFailuresInWindow, Duration lockDuration,
    int freeFailures, Duration firstBackoff, Duration maxBackoff, Duration forgetAfter,
    int maxKeys) {

  /** The defaults described above. */
  public static final ThrottlePolicy DEFAULTS = new ThrottlePolicy(Duration.ofMinutes(1), 10,
      Duration.ofMinutes(15), 5, Duration.ofSeconds(1), Duration.ofMinutes(5),
      Duration.ofHours(1), 100_000);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a duration is not positive, a count is below 1 (free
   *     failures below 0), or {@code forgetAfter} is shorter than the lock or the longest backoff
   */
  public ThrottlePolicy {
    for (Duration d : new Duration[] {window, lockDuration, firstBackoff, maxBackoff,
        forgetAfter}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("throttle durations must be positive");
      }
    }
    if (maxFailuresInWindow < 1 || freeFailures < 0 || maxKeys < 1) {
      throw new IllegalArgumentException("throttle counts must be positive");
    }
    if (forgetAfter.compareTo(lockDuration) < 0 || forgetAfter.compareTo(maxBackoff) < 0
        || forgetAfter.compareTo(window) < 0) {
      throw new IllegalArgumentException("forgetAfter must cover the lock, backoff and window");
    }
  }
}
