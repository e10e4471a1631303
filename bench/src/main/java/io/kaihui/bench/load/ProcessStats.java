package io.kaihui.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One process's CPU time and resident memory from /proc (proc(5)): {@code /proc/<pid>/stat}
 * fields 14 and 15 (utime, stime, in clock ticks of 1/100 s) and the {@code VmRSS} line of
 * {@code /proc/<pid>/status}.
 *
 * @param cpuSeconds user plus system CPU time so far, seconds
 * @param rssBytes resident set size, bytes
 */
public record ProcessStats(double cpuSeconds, long rssBytes) {

  /** Clock ticks per second of /proc's times (USER_HZ; 100 on Linux). */
  static final int TICKS_PER_SECOND = 100;

  /**
   * Reads a live process's figures.
   *
   * @throws IllegalStateException if /proc has no such process or its files do not parse
   */
  public static ProcessStats of(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")),
          Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      throw new IllegalStateException("no process " + pid + " in /proc: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the two files' contents.
   *
   * @throws IllegalStateException if they are not what proc(5) describes
   */
  static ProcessStats parse(String stat, String status) {
    // The command name (field 2) is in parentheses and may hold spaces: count after its ')'.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalStateException("not a /proc/<pid>/stat line: " + stat);
    }
    String[] f = stat.substring(close + 1).trim().split("\\s+");
    if (f.length < 13) {
      throw new IllegalStateException("too few fields in /proc/<pid>/stat: " + stat);
    }
    long ticks;
    try {
      ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
    } catch (NumberFormatException e) {
      throw new IllegalStateException("utime/stime are not numbers: " + stat, e);
    }
    long rss = -1;
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        rss = Long.parseLong(parts[0]) * 1024;
      }
    }
    if (rss < 0) {
      throw new IllegalStateException("no VmRSS in /proc/<pid>/status");
    }
    return new ProcessStats((double) ticks / TICKS_PER_SECOND, rss);
  }
}
