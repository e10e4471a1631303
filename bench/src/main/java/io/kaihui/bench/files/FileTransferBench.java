package io.kaihui.bench.files;

import io.kaihui.bench.BenchOptions;
import io.kaihui.bench.Summary;
import io.kaihui.bench.files.MemorySampler.Timed;
import io.kaihui.e2e.ServerProcess;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * File transfer through a real server process (the packaged jar, plain HTTP/1.1 on loopback),
 * each step beside GNU {@code dd} moving the same bytes in the same run:
 * <ul>
 *   <li>upload of a file of each size in {@code --chunk-mib} PATCH requests (the web client's
 *       8 MiB) and in one PATCH, against {@code dd bs=8M conv=fsync} of the same file into the
 *       file system of the server's data directory, and {@code dd bs=8M oflag=dsync} (a sync per
 *       8 MiB, as the server syncs each PATCH);</li>
 *   <li>download of the whole file, the bytes counted and discarded, against {@code dd bs=8M}
 *       of the stored content to /dev/null, first out of the page cache, then in it;</li>
 *   <li>the server's RSS and Java heap, sampled every 500 ms during each transfer, and the CPU
 *       time of the server and of the client;</li>
 *   <li>instant transfer ({@code POST /api/v1/files} of a hash the server holds) against the
 *       SHA-256 of the file in Java that a client computes before it may ask.</li>
 * </ul>
 * Every run starts a fresh server with an empty data directory in a new directory under
 * {@code --dir} (default {@code target}; it must be on the file system to measure); the source
 * file is dropped from the page cache before each read of it. That directory and everything in
 * it are deleted at the end. Disk needed: about three times the largest size (the source, the
 * stored content, and a dd copy or a second upload).
 *
 * <p>Options: {@code --sizes-gib=1,10} (file sizes, GiB, decimals allowed), {@code --runs=3}
 * (per size), {@code --chunk-mib=8}, {@code --instant-posts=5} (timed instant transfers per
 * run, after one not counted), {@code --dir=target}.
 *
 * <pre>
 * ./mvnw -B -o -q -pl bench compile exec:exec -Dbench=files.FileTransferBench -Dbench.args="--sizes-gib=1,10 --runs=3"
 * </pre>
 */
public final class FileTransferBench {

  private static final long SAMPLE_PERIOD_MS = 500;
  private static final long WARMUP_BYTES = 64L << 20;

  private FileTransferBench() {}

  /** Runs every size {@code --runs} times and prints markdown tables. */
  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    List<Double> sizes = Arrays.stream(o.values().getOrDefault("sizes-gib", "1,10").split(","))
        .map(String::strip).map(Double::parseDouble).toList();
    int runs = o.integer("runs", 3);
    long chunkBytes = (long) o.integer("chunk-mib", 8) << 20;
    int posts = o.integer("instant-posts", 5);
    Path parent = Path.of(o.values().getOrDefault("dir", "target")).toAbsolutePath();
    Path dir = Files.createTempDirectory(Files.createDirectories(parent), "file-bench-");
    TransferReport report = new TransferReport(chunkBytes);
    report.machine(dir, String.join(" ", args));
    List<TransferRun> results = new ArrayList<>();
    try {
      SourceFile warmup = SourceFile.create(dir.resolve("warmup.bin"), WARMUP_BYTES, 1);
      for (double gib : sizes) {
        long size = (long) (gib * (1L << 30));
        progress("writing a source file of %d bytes", size);
        SourceFile source = SourceFile.create(dir.resolve("source.bin"), size, 42);
        for (int run = 1; run <= runs; run++) {
          results.add(run(source, warmup, run, dir, chunkBytes, posts));
        }
        Files.delete(source.path());
      }
    } finally {
      deleteTree(dir);
    }
    report.print(results);
    System.exit(0);
  }

  /** One run of one size on a fresh server. */
  private static TransferRun run(SourceFile source, SourceFile warmup, int run, Path dir,
      long chunkBytes, int posts) throws Exception {
    Path data = dir.resolve("data-" + run);
    List<String> settings = List.of("--data-dir=" + data, "--files-max-bytes=64G",
        "--files-quota-bytes=200G");
    try (ServerProcess server = ServerProcess.start(null, settings);
        MemorySampler memory = new MemorySampler(server.pid(), server.url(),
            SAMPLE_PERIOD_MS)) {
      TusClient client = TusClient.register(server.url(),
          "files" + ProcessHandle.current().pid() % 10_000 + "_" + run);
      // The server's code paths compiled before anything is timed.
      String warm = client.upload(warmup.path(), warmup.sizeBytes(), warmup.sha256(),
          "warmup.bin", chunkBytes);
      client.downloadDiscarding(warm);
      progress("%d bytes, run %d: dd, then uploads", source.sizeBytes(), run);
      TransferRun.Upload upload = uploads(client, memory, source, dir, chunkBytes);
      progress("%d bytes, run %d: downloads", source.sizeBytes(), run);
      Path blob = data.resolve("files").resolve("blobs")
          .resolve(source.sha256().substring(0, 2)).resolve(source.sha256());
      TransferRun.Download download = downloads(client, memory, source, blob,
          upload.chunked().value());
      progress("%d bytes, run %d: hash and instant transfer", source.sizeBytes(), run);
      Dd.evict(source.path());
      double hashCold = hashSeconds(source);
      double hashWarm = hashSeconds(source);
      Summary posted = instant(client, source, posts);
      return new TransferRun(source.sizeBytes(), run, upload, download,
          new TransferRun.Instant(hashCold, hashWarm, posted.median(), posted.max()),
          loadAverage());
    } finally {
      deleteTree(data);
    }
  }

  /**
   * dd of the source into the data directory's file system (synced at the end, then synced per
   * 8 MiB), then its upload in chunks, then in one PATCH (which ends by deleting its bytes: the content is stored already). The source is
   * read from the disk each time.
   */
  private static TransferRun.Upload uploads(TusClient client, MemorySampler memory,
      SourceFile source, Path dir, long chunkBytes) throws Exception {
    Path copy = dir.resolve("dd-copy.bin");
    Dd.evict(source.path());
    double dd = Dd.copySynced(source.path(), copy);
    Files.delete(copy);
    Dd.evict(source.path());
    double ddPerBlock = Dd.copySyncedPerBlock(source.path(), copy);
    Files.delete(copy);
    Dd.evict(source.path());
    Timed<String> chunked = memory.measure(() -> client.upload(source.path(),
        source.sizeBytes(), source.sha256(), "chunked.bin", chunkBytes));
    Dd.evict(source.path());
    Timed<String> single = memory.measure(() -> client.upload(source.path(),
        source.sizeBytes(), source.sha256(), "single.bin", Long.MAX_VALUE));
    return new TransferRun.Upload(dd, ddPerBlock, chunked, single);
  }

  /**
   * dd of the stored content to /dev/null and its download, both first out of the page cache
   * (each after dropping it), then in it.
   *
   * @param blob where the server stores the content
   * @throws IllegalStateException if a download is not the whole file
   */
  private static TransferRun.Download downloads(TusClient client, MemorySampler memory,
      SourceFile source, Path blob, String fileId) throws Exception {
    Dd.evict(blob);
    double ddCold = Dd.read(blob);
    Dd.evict(blob);
    Timed<Long> getCold = memory.measure(() -> client.downloadDiscarding(fileId));
    double ddWarm = Dd.read(blob);
    Timed<Long> getWarm = memory.measure(() -> client.downloadDiscarding(fileId));
    for (Timed<Long> get : List.of(getCold, getWarm)) {
      if (get.value() != source.sizeBytes()) {
        throw new IllegalStateException("downloaded " + get.value() + " bytes, not "
            + source.sizeBytes());
      }
    }
    return new TransferRun.Download(ddCold, getCold, ddWarm, getWarm);
  }

  /** Seconds to hash the source file in Java, checked against the hash it was made with. */
  private static double hashSeconds(SourceFile source) throws IOException {
    long start = System.nanoTime();
    String sha = SourceFile.hash(source.path());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!sha.equals(source.sha256())) {
      throw new IllegalStateException("the file hashes to " + sha + ", not " + source.sha256());
    }
    return seconds;
  }

  /** Instant transfers of the source (one not counted first), ms each. */
  private static Summary instant(TusClient client, SourceFile source, int posts)
      throws Exception {
    client.instant(source.sha256(), source.sizeBytes(), "instant-0.bin");
    double[] ms = new double[posts];
    for (int i = 0; i < posts; i++) {
      long start = System.nanoTime();
      client.instant(source.sha256(), source.sizeBytes(), "instant-" + (i + 1) + ".bin");
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return Summary.of(ms);
  }

  /** The first field of /proc/loadavg. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf("[file bench] " + format + "%n", args);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The file system a path is on, with its free space, for the report. */
  static String fileSystem(Path path) throws IOException {
    FileStore store = Files.getFileStore(path);
    return store.name() + " (" + store.type() + ", " + store.getUsableSpace() / 1_000_000_000
        + " GB free)";
  }
}
