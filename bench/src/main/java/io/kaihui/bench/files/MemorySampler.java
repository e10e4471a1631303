package io.kaihui.bench.files;

import io.kaihui.bench.load.ProcessStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a server process's memory every {@code periodMs}: its resident set ({@code VmRSS} of
 * {@code /proc/<pid>/status}) and the Java heap in use (the sum of the server's Prometheus
 * gauges {@code jvm_memory_used_bytes{area="heap"}} at {@code GET /metrics}), so that a
 * transfer's start, peak and end can be told; and the CPU time the server and this process
 * (the client) spend on it.
 */
final class MemorySampler implements AutoCloseable {

  /**
   * The server's memory over one step.
   *
   * @param rssStartBytes resident set just before the step, bytes
   * @param rssPeakBytes the largest resident set sampled during it, bytes
   * @param rssEndBytes resident set just after it, bytes
   * @param heapStartBytes Java heap in use just before, bytes (-1 if /metrics did not answer)
   * @param heapPeakBytes the largest heap in use sampled during it, bytes
   * @param heapEndBytes heap in use just after, bytes
   * @param samples how many samples the step spans
   * @param serverCpuSeconds CPU time (user and system) the server used during the step, s
   * @param clientCpuSeconds CPU time this process (the client) used during the step, s
   */
  record Window(long rssStartBytes, long rssPeakBytes, long rssEndBytes, long heapStartBytes,
      long heapPeakBytes, long heapEndBytes, int samples, double serverCpuSeconds,
      double clientCpuSeconds) {}

  /** A step measured: how long it took and the server's memory meanwhile. */
  record Timed<T>(T value, double seconds, Window memory) {}

  private record Sample(long rssBytes, long heapBytes) {}

  private final long pid;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpRequest metrics;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().daemon().name("memory-sampler").unstarted(r));
  private final List<Sample> samples = new ArrayList<>();

  /**
   * Starts sampling.
   *
   * @param pid the server's process id
   * @param baseUrl its base URL, ending in a slash
   * @param periodMs time between samples, ms
   */
  MemorySampler(long pid, String baseUrl, long periodMs) {
    this.pid = pid;
    this.metrics = HttpRequest.newBuilder(URI.create(baseUrl + "metrics"))
        .timeout(Duration.ofSeconds(5)).build();
    timer.scheduleAtFixedRate(this::record, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs a step, timing it and sampling before, during and after it.
   *
   * @return its result, its duration and the server's memory over it
   */
  <T> Timed<T> measure(Callable<T> step) throws Exception {
    int first;
    synchronized (this) {
      first = samples.size();
    }
    record();
    double serverCpu = ProcessStats.of(pid).cpuSeconds();
    double clientCpu = ProcessStats.of(ProcessHandle.current().pid()).cpuSeconds();
    long start = System.nanoTime();
    T value = step.call();
    double seconds = (System.nanoTime() - start) / 1e9;
    serverCpu = ProcessStats.of(pid).cpuSeconds() - serverCpu;
    clientCpu = ProcessStats.of(ProcessHandle.current().pid()).cpuSeconds() - clientCpu;
    record();
    List<Sample> during;
    synchronized (this) {
      during = List.copyOf(samples.subList(first, samples.size()));
    }
    return new Timed<>(value, seconds, window(during, serverCpu, clientCpu));
  }

  private static Window window(List<Sample> during, double serverCpu, double clientCpu) {
    Sample start = during.getFirst();
    Sample end = during.getLast();
    long rssPeak = 0;
    long heapPeak = -1;
    for (Sample s : during) {
      rssPeak = Math.max(rssPeak, s.rssBytes());
      heapPeak = Math.max(heapPeak, s.heapBytes());
    }
    return new Window(start.rssBytes(), rssPeak, end.rssBytes(), start.heapBytes(), heapPeak,
        end.heapBytes(), during.size(), serverCpu, clientCpu);
  }

  /** Takes one sample (from the timer, and around each step). */
  private void record() {
    long rss = ProcessStats.of(pid).rssBytes();
    long heap = heapUsed();
    synchronized (this) {
      samples.add(new Sample(rss, heap));
    }
  }

  /** The heap in use, summed over the heap's pools, or -1 if /metrics does not answer. */
  private long heapUsed() {
    try {
      String text = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
      double sum = 0;
      boolean found = false;
      for (String line : text.split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      return found ? (long) sum : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
