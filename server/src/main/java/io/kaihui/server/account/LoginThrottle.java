package io.kaihui.server.account;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limiting of sign-in attempts by key ({@code account:<username>} and
 * {@code address:<client>}): exponential backoff after repeated failures, a cap on failures per
 * window, then a temporary lock; the numbers are in {@link ThrottlePolicy}.
 *
 * <p>An attempt is counted as a failure as soon as it is let through ({@link #acquire}), before
 * the password is checked, so that parallel guesses cannot slip past the count; a correct
 * password then clears the account's key ({@link #reset}) and takes back the address's count
 * ({@link #release}). A refused attempt costs no password hash and is not counted.
 *
 * <p>The state lives in memory, bounded by {@link ThrottlePolicy#maxKeys()}: failed attempts are
 * the one thing an attacker can make as fast as they like, so they should not each become a
 * database write, and a restart (which only the operator can cause) forgetting them is
 * harmless. With several server nodes this moves to the shared store (Redis) with presence.
 * Thread-safe.
 */
public final class LoginThrottle {

  private final Clock clock;
  private final ThrottlePolicy policy;
  private final LinkedHashMap<String, State> states;

  /**
   * Creates the throttle.
   *
   * @param clock the time source; tests pass one they can move
   * @param policy the limits
   */
  public LoginThrottle(Clock clock, ThrottlePolicy policy) {
    this.clock = clock;
    this.policy = policy;
    this.states = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
        return size() > policy.maxKeys();
      }
    };
  }

  /**
   * Asks to make an attempt under all these keys. If every key allows it, the attempt is
   * counted as a failure under each (until {@link #reset} or {@link #release}) and 0 is
   * returned; otherwise nothing is counted and the wait is returned. An attempt made when
   * {@link ThrottlePolicy#maxFailuresInWindow()} failures already lie within the window starts
   * a lock of {@link ThrottlePolicy#lockDuration()}.
   *
   * @param keys the keys, for example {@code account:alice} and {@code address:192.0.2.1}
   * @return 0 to go ahead, or seconds (at least 1) until an attempt may be let through
   */
  public synchronized long acquire(String... keys) {
    long now = clock.millis();
    long waitMs = 0;
    for (String key : keys) {
      State s = current(key, now);
      if (s != null) {
        waitMs = Math.max(waitMs, s.waitMs(now, policy));
      }
    }
    if (waitMs > 0) {
      return Math.max(1, (waitMs + 999) / 1000);
    }
    for (String key : keys) {
      State s = states.computeIfAbsent(key, k -> new State());
      s.failures.addLast(now);
      s.consecutive++;
      s.lastFailureMs = now;
    }
    return 0;
  }

  /**
   * Forgets a key: the account signed in with the right password.
   *
   * @param key the key
   */
  public synchronized void reset(String key) {
    states.remove(key);
  }

  /**
   * Takes back the failure that {@link #acquire} counted under a key, because the attempt
   * succeeded; earlier failures still count (a correct password for one account does not
   * excuse an address's guesses at others).
   *
   * @param key the key
   */
  public synchronized void release(String key) {
    State s = states.get(key);
    if (s == null) {
      return;
    }
    s.failures.pollLast();
    s.consecutive = Math.max(0, s.consecutive - 1);
    if (s.consecutive == 0 && s.failures.isEmpty() && s.lockedUntilMs == 0) {
      states.remove(key);
    }
  }

  /**
   * Seconds until an attempt under a key may be let through, without counting or locking
   * anything.
   *
   * @param key the key
   * @return 0 if one may be made now
   */
  public synchronized long retryAfterSeconds(String key) {
    long now = clock.millis();
    State s = current(key, now);
    if (s == null) {
      return 0;
    }
    if (s.lockedUntilMs > now) {
      return (s.lockedUntilMs - now + 999) / 1000;
    }
    long backoff = s.backoffUntilMs(policy) - now;
    return backoff > 0 ? (backoff + 999) / 1000 : 0;
  }

  /** How many keys are remembered. */
  public synchronized int size() {
    return states.size();
  }

  private State current(String key, long now) {
    State s = states.get(key);
    if (s == null) {
      return null;
    }
    long windowStart = now - policy.window().toMillis();
    while (!s.failures.isEmpty() && s.failures.peekFirst() <= windowStart) {
      s.failures.pollFirst();
    }
    if (s.lockedUntilMs <= now
        && now - s.lastFailureMs >= policy.forgetAfter().toMillis()) {
      states.remove(key);
      return null;
    }
    return s;
  }

  /** One key's recent failures. */
  private static final class State {
    final ArrayDeque<Long> failures = new ArrayDeque<>();
    int consecutive;
    long lastFailureMs;
    long lockedUntilMs;

    long waitMs(long now, ThrottlePolicy policy) {
      if (lockedUntilMs > now) {
        return lockedUntilMs - now;
      }
      if (failures.size() >= policy.maxFailuresInWindow()) {
        lockedUntilMs = now + policy.lockDuration().toMillis();
        return lockedUntilMs - now;
      }
      return Math.max(0, backoffUntilMs(policy) - now);
    }

    long backoffUntilMs(ThrottlePolicy policy) {
      int over = consecutive - policy.freeFailures();
      if (over < 0) {
        return 0;
      }
      long delay = policy.firstBackoff().toMillis() << Math.min(over, 30);
      return lastFailureMs + Math.min(delay, policy.maxBackoff().toMillis());
    }
  }
}
