package io.kaihui.server.meeting;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Makes meeting numbers: 9 random digits, the first not 0, from {@link SecureRandom}, so that
 * numbers are neither sequential nor guessable from one another.
 */
public final class MeetingNumbers {

  private final SecureRandom random;

  /**
   * Creates a generator.
   *
   * @param random the source of randomness
   */
  public MeetingNumbers(SecureRandom random) {
    this.random = random;
  }

  /**
   * Draws a number that {@code inUse} rejects neither now.
   *
   * @param inUse tells whether a number belongs to a live meeting
   * @return a 9-digit number as a string, {@code 100000000..999999999}
   */
  public String next(Predicate<String> inUse) {
    while (true) {
      String n = Integer.toString(100_000_000 + random.nextInt(900_000_000));
      if (!inUse.test(n)) {
        return n;
      }
    }
  }

  /** Whether {@code s} has the form of a meeting number: exactly 9 digits, the first not 0. */
  public static boolean isWellFormed(String s) {
    return s != null && s.matches("[1-9][0-9]{8}");
  }
}
