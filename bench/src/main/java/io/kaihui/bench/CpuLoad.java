package io.kaihui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's cumulative CPU time from the first line of /proc/stat, to tell how busy all cores
 * were between two readings (proc(5): user nice system idle iowait irq softirq steal, in clock
 * ticks).
 *
 * @param busy ticks spent on anything but idle and iowait
 * @param total all ticks
 */
public record CpuLoad(long busy, long total) {

  /** Reads /proc/stat now; zeros where there is none. */
  public static CpuLoad now() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return new CpuLoad(0, 0);
    }
  }

  /**
   * Parses the aggregate "cpu" line of /proc/stat.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static CpuLoad parse(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    if (f.length < 5 || !f[0].equals("cpu")) {
      throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
    }
    long total = 0;
    long idle = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      long v = Long.parseLong(f[i]);
      total += v;
      if (i == 4 || i == 5) {
        idle += v;
      }
    }
    return new CpuLoad(total - idle, total);
  }

  /** Share (0 to 1) of all cores' time that was busy since {@code earlier}; NaN if unknown. */
  public double busySince(CpuLoad earlier) {
    long dt = total - earlier.total;
    return dt <= 0 ? Double.NaN : (double) (busy - earlier.busy) / dt;
  }
}
