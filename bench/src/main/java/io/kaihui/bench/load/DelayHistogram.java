package io.kaihui.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Delays through the server, in microseconds with three significant digits (HdrHistogram), from
 * 1 µs to 60 s; values outside are clamped. Many receive threads record at once.
 */
final class DelayHistogram {

  private static final long MAX_MICROS = 60_000_000L;

  private final Histogram histogram = new ConcurrentHistogram(1, MAX_MICROS, 3);

  /** Records one delay, in nanoseconds. */
  void record(long nanos) {
    histogram.recordValue(Math.clamp(nanos / 1000, 1, MAX_MICROS));
  }

  /** How many delays were recorded. */
  long count() {
    return histogram.getTotalCount();
  }

  /** The delay at a percentile (0–100), in ms; 0 when nothing was recorded. */
  double percentileMs(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The largest delay, in ms; 0 when nothing was recorded. */
  double maxMs() {
    return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
  }

  /** Forgets everything recorded (the start of the measurement window). */
  void reset() {
    histogram.reset();
  }
}
