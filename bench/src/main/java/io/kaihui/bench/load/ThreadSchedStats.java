package io.kaihui.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-thread scheduler figures of a process from {@code /proc/<pid>/task/<tid>/schedstat}
 * (nanoseconds on a CPU, nanoseconds waiting on a run queue, time slices) and {@code comm} (the
 * thread's name). Between two readings they say how busy a server's busiest thread was and how
 * long it waited, runnable, for a CPU: on a machine shared with the load generator, the part of
 * the forwarding delay that is not the server's own work.
 *
 * @param threads by thread id: name, CPU ns, run-queue wait ns
 */
public record ThreadSchedStats(Map<Long, Task> threads) {

  /**
   * One thread's counters (a task, in /proc's words).
   *
   * @param name its {@code comm}
   * @param cpuNanos time on a CPU so far
   * @param waitNanos time runnable but waiting for a CPU so far
   */
  public record Task(String name, long cpuNanos, long waitNanos) {}

  /**
   * Reads every thread of a live process; threads that end meanwhile are left out.
   *
   * @throws IllegalStateException if the process is gone
   */
  public static ThreadSchedStats of(long pid) {
    Map<Long, Task> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(
        Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
          threads.put(Long.parseLong(task.getFileName().toString()), new Task(
              Files.readString(task.resolve("comm")).trim(), Long.parseLong(f[0]),
              Long.parseLong(f[1])));
        } catch (IOException | RuntimeException e) {
          // The thread ended, or schedstat is not there (a kernel without schedstats).
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("no process " + pid + " in /proc: " + e.getMessage(), e);
    }
    return new ThreadSchedStats(threads);
  }

  /**
   * The thread that used the most CPU since {@code before}, as a sentence: its name, its CPU
   * time and its run-queue wait as shares of the wall time between the readings.
   *
   * @param before the earlier reading
   * @param wallNanos the time between the readings
   */
  public String busiestSince(ThreadSchedStats before, long wallNanos) {
    String best = "none";
    long bestCpu = -1;
    long bestWait = 0;
    for (Map.Entry<Long, Task> e : threads.entrySet()) {
      Task then = before.threads.get(e.getKey());
      if (then == null) {
        continue;
      }
      long cpu = e.getValue().cpuNanos() - then.cpuNanos();
      if (cpu > bestCpu) {
        bestCpu = cpu;
        bestWait = e.getValue().waitNanos() - then.waitNanos();
        best = e.getValue().name();
      }
    }
    return String.format(Locale.ROOT, "busiest thread %s: on a CPU %.0f %% of the time, waiting"
        + " for one %.0f %%", best, 100.0 * bestCpu / wallNanos, 100.0 * bestWait / wallNanos);
  }
}
