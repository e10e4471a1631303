package io.kaihui.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Order statistics of a set of measurements (all in the same unit, for example ms). Percentiles
 * are nearest-rank: the p-th percentile is the smallest value with at least p % of the values at
 * or below it.
 *
 * @param count how many values
 * @param min the smallest
 * @param p10 10th percentile
 * @param median 50th percentile
 * @param p90 90th percentile
 * @param max the largest
 */
public record Summary(int count, double min, double p10, double median, double p90, double max) {

  /**
   * Summarises values (NaN values are left out).
   *
   * @throws IllegalArgumentException if no value is left
   */
  public static Summary of(double... values) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    return new Summary(sorted.length, sorted[0], rank(sorted, 10), rank(sorted, 50),
        rank(sorted, 90), sorted[sorted.length - 1]);
  }

  /** Summarises values (NaN values are left out); see {@link #of(double...)}. */
  public static Summary of(Collection<Double> values) {
    return of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Nearest-rank percentile of sorted values; p in 0..100. */
  static double rank(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /**
   * This summary as markdown table cells after a label:
   * {@code | label | n | min | p10 | median | p90 | max |}, values with one decimal.
   */
  public String markdownRow(String label) {
    return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", label,
        count, min, p10, median, p90, max);
  }

  /** The header that goes with {@link #markdownRow(String)}, for a unit such as "ms". */
  public static String markdownHeader(String what, String unit) {
    return "| " + what + " | n | min " + unit + " | p10 | median | p90 | max |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
  }
}
