package io.kaihui.bench.files;

import io.kaihui.bench.Summary;
import io.kaihui.bench.files.MemorySampler.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The file benchmark's output: a machine line, then markdown tables of upload, download,
 * server memory and instant transfer, one row per run and, per size, a row of the spread
 * (smallest–largest) over the runs. MB are 10^6 bytes.
 */
final class TransferReport {

  private static final double MB = 1e6;

  private final long chunkBytes;

  /**
   * Creates the report.
   *
   * @param chunkBytes bytes per PATCH of the chunked uploads
   */
  TransferReport(long chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /** Prints what the figures come from. */
  void machine(Path dir, String args) throws IOException {
    String server = System.getProperty("kaihui.serverJar", "../server/target/kaihui-server.jar");
    System.out.printf("machine: %d cores, %s; JDK %s %s; load average %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(),
        System.getProperty("java.vendor"), Runtime.version(),
        Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.printf("server: %s; data and dd files on %s%n", Path.of(server).toAbsolutePath()
        .normalize(), FileTransferBench.fileSystem(dir));
    System.out.printf("arguments: %s%n%n", args.isBlank() ? "(defaults)" : args);
  }

  /** Prints the four tables. */
  void print(List<TransferRun> runs) {
    uploads(runs);
    downloads(runs);
    memory(runs);
    instant(runs);
  }

  private void uploads(List<TransferRun> runs) {
    System.out.printf("Upload (MB/s; dd: `dd bs=8M` of the same file, `conv=fsync`: synced at"
        + " the end, `oflag=dsync`: synced per 8 MiB):%n%n");
    System.out.printf("| GiB | run | dd fsync | dd dsync | %d MiB PATCHes | ÷ dd fsync | ÷ dd"
        + " dsync | one PATCH | ÷ dd fsync | load |%n", chunkBytes >> 20);
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (TransferRun r : runs) {
      TransferRun.Upload u = r.upload();
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f |"
              + " %.2f | %s |%n", gib(r), r.run(), r.mbPerSecond(u.ddSeconds()),
          r.mbPerSecond(u.ddSyncedChunksSeconds()), r.mbPerSecond(u.chunked().seconds()),
          u.ddSeconds() / u.chunked().seconds(),
          u.ddSyncedChunksSeconds() / u.chunked().seconds(),
          r.mbPerSecond(u.single().seconds()), u.ddSeconds() / u.single().seconds(),
          r.loadAverage());
      if (lastOfSize(runs, r)) {
        List<TransferRun> same = ofSize(runs, r);
        System.out.printf("| %s | spread | %s | %s | %s | %s | %s | %s | %s | |%n", gib(r),
            spread(same, x -> x.mbPerSecond(x.upload().ddSeconds()), "%.0f"),
            spread(same, x -> x.mbPerSecond(x.upload().ddSyncedChunksSeconds()), "%.0f"),
            spread(same, x -> x.mbPerSecond(x.upload().chunked().seconds()), "%.0f"),
            spread(same, x -> x.upload().ddSeconds() / x.upload().chunked().seconds(), "%.2f"),
            spread(same, x -> x.upload().ddSyncedChunksSeconds()
                / x.upload().chunked().seconds(), "%.2f"),
            spread(same, x -> x.mbPerSecond(x.upload().single().seconds()), "%.0f"),
            spread(same, x -> x.upload().ddSeconds() / x.upload().single().seconds(), "%.2f"));
      }
    }
    System.out.println();
  }

  private void downloads(List<TransferRun> runs) {
    System.out.printf("Download of the whole file, bytes counted and discarded (MB/s; dd: `dd"
        + " bs=8M` of the stored file to /dev/null):%n%n");
    System.out.println("| GiB | run | dd cold | GET cold | ÷ dd | dd warm | GET warm | ÷ dd |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (TransferRun r : runs) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |%n",
          gib(r), r.run(), r.mbPerSecond(r.download().ddColdSeconds()),
          r.mbPerSecond(r.download().getCold().seconds()), r.download().ddColdSeconds() / r.download().getCold().seconds(),
          r.mbPerSecond(r.download().ddWarmSeconds()), r.mbPerSecond(r.download().getWarm().seconds()),
          r.download().ddWarmSeconds() / r.download().getWarm().seconds());
      if (lastOfSize(runs, r)) {
        List<TransferRun> same = ofSize(runs, r);
        System.out.printf("| %s | spread | %s | %s | %s | %s | %s | %s |%n", gib(r),
            spread(same, x -> x.mbPerSecond(x.download().ddColdSeconds()), "%.0f"),
            spread(same, x -> x.mbPerSecond(x.download().getCold().seconds()), "%.0f"),
            spread(same, x -> x.download().ddColdSeconds() / x.download().getCold().seconds(), "%.2f"),
            spread(same, x -> x.mbPerSecond(x.download().ddWarmSeconds()), "%.0f"),
            spread(same, x -> x.mbPerSecond(x.download().getWarm().seconds()), "%.0f"),
            spread(same, x -> x.download().ddWarmSeconds() / x.download().getWarm().seconds(), "%.2f"));
      }
    }
    System.out.println();
  }

  private void memory(List<TransferRun> runs) {
    System.out.printf("Server memory (MB), sampled every 500 ms and around each step, and CPU"
        + " (%% of one core over the step; the machine has %d):%n%n",
        Runtime.getRuntime().availableProcessors());
    System.out.println("| GiB | run | step | RSS start / peak / end | heap used start / peak /"
        + " end | samples | server CPU | client CPU |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (TransferRun r : runs) {
      row(r, (chunkBytes >> 20) + " MiB PATCHes", r.upload().chunked());
      row(r, "one PATCH", r.upload().single());
      row(r, "GET cold", r.download().getCold());
      row(r, "GET warm", r.download().getWarm());
    }
    System.out.println();
  }

  private static void row(TransferRun r, String step, MemorySampler.Timed<?> timed) {
    Window w = timed.memory();
    System.out.printf(Locale.ROOT, "| %s | %d | %s | %.0f / %.0f / %.0f | %s / %s / %s | %d |"
            + " %.0f %% | %.0f %% |%n", gib(r), r.run(), step, w.rssStartBytes() / MB,
        w.rssPeakBytes() / MB, w.rssEndBytes() / MB, heap(w.heapStartBytes()),
        heap(w.heapPeakBytes()), heap(w.heapEndBytes()), w.samples(),
        100 * w.serverCpuSeconds() / timed.seconds(),
        100 * w.clientCpuSeconds() / timed.seconds());
  }

  private static String heap(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f", bytes / MB);
  }

  private void instant(List<TransferRun> runs) {
    System.out.printf("Instant transfer (POST /api/v1/files of a hash the server holds) and"
        + " the SHA-256 a client computes first (Java MessageDigest, 64 KiB reads):%n%n");
    System.out.println("| GiB | run | hash cold s (MB/s) | hash warm s (MB/s) | POST median / max"
        + " ms | hash warm ÷ POST |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (TransferRun r : runs) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f (%.0f) | %.2f (%.0f) | %.1f / %.1f |"
              + " %.0f |%n", gib(r), r.run(), r.instant().hashColdSeconds(),
          r.mbPerSecond(r.instant().hashColdSeconds()), r.instant().hashWarmSeconds(),
          r.mbPerSecond(r.instant().hashWarmSeconds()), r.instant().postMedianMs(), r.instant().postMaxMs(),
          r.instant().hashWarmSeconds() * 1000 / r.instant().postMedianMs());
      if (lastOfSize(runs, r)) {
        List<TransferRun> same = ofSize(runs, r);
        System.out.printf("| %s | spread | %s | %s | %s | %s |%n", gib(r),
            spread(same, x -> x.instant().hashColdSeconds(), "%.2f"),
            spread(same, x -> x.instant().hashWarmSeconds(), "%.2f"),
            spread(same, x -> x.instant().postMedianMs(), "%.1f"),
            spread(same, x -> x.instant().hashWarmSeconds() * 1000 / x.instant().postMedianMs(), "%.0f"));
      }
    }
    System.out.println();
  }

  private static boolean lastOfSize(List<TransferRun> runs, TransferRun r) {
    int i = runs.indexOf(r);
    return i == runs.size() - 1 || runs.get(i + 1).sizeBytes() != r.sizeBytes();
  }

  private static List<TransferRun> ofSize(List<TransferRun> runs, TransferRun r) {
    return runs.stream().filter(x -> x.sizeBytes() == r.sizeBytes()).toList();
  }

  /** Smallest–largest of a figure over runs. */
  private static String spread(List<TransferRun> runs, ToDoubleFunction<TransferRun> figure,
      String format) {
    Summary s = Summary.of(runs.stream().mapToDouble(figure).toArray());
    return String.format(Locale.ROOT, format + "–" + format, s.min(), s.max());
  }

  private static String gib(TransferRun r) {
    double g = r.gib();
    return g == Math.rint(g) ? Long.toString((long) g) : String.format(Locale.ROOT, "%.3g", g);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
