package io.kaihui.bench;

import com.microsoft.playwright.Page;

/**
 * How far one page's clock ({@code performance.timeOrigin + performance.now()}, ms since the Unix
 * epoch) is ahead of a reference page's, measured the way NTP does: read the reference, the other
 * page, the reference again, and take the other reading against the midpoint; the round with the
 * shortest round trip wins.
 *
 * @param offsetMs the other page's clock minus the reference's, ms
 * @param uncertaintyMs half the round trip of the winning round, ms: the true offset lies within
 *     {@code offsetMs ± uncertaintyMs}
 */
public record ClockOffset(double offsetMs, double uncertaintyMs) {

  private static final String NOW = "() => performance.timeOrigin + performance.now()";

  /** The offset from one round: reference before, other, reference after (all ms). */
  public static ClockOffset fromRound(double referenceBefore, double other, double referenceAfter) {
    if (referenceAfter < referenceBefore) {
      throw new IllegalArgumentException("the reference clock went backwards");
    }
    double mid = (referenceBefore + referenceAfter) / 2;
    return new ClockOffset(other - mid, (referenceAfter - referenceBefore) / 2);
  }

  /**
   * Measures {@code other} against {@code reference} over some rounds.
   *
   * @param rounds how many rounds (at least 1)
   */
  public static ClockOffset measure(Page reference, Page other, int rounds) {
    ClockOffset best = null;
    for (int i = 0; i < rounds; i++) {
      double before = ((Number) reference.evaluate(NOW)).doubleValue();
      double at = ((Number) other.evaluate(NOW)).doubleValue();
      double after = ((Number) reference.evaluate(NOW)).doubleValue();
      ClockOffset round = fromRound(before, at, after);
      if (best == null || round.uncertaintyMs < best.uncertaintyMs) {
        best = round;
      }
    }
    return best;
  }
}
