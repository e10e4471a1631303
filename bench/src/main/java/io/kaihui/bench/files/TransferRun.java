package io.kaihui.bench.files;

import io.kaihui.bench.files.MemorySampler.Timed;

/**
 * The figures of one run of the file benchmark: one file size, on a fresh server, every step
 * beside its {@code dd} yardstick.
 *
 * @param sizeBytes the file's length, bytes
 * @param run which run of this size, from 1
 * @param upload the uploads and their yardstick
 * @param download the downloads and theirs
 * @param instant instant transfer and the hash before it
 * @param loadAverage the machine's 1-minute load average at the end of the run
 */
record TransferRun(long sizeBytes, int run, Upload upload, Download download, Instant instant,
    String loadAverage) {

  /**
   * Uploads of the file.
   *
   * @param ddSeconds {@code dd bs=8M conv=fsync} of the file into the data directory's file
   *     system (one sync at the end), s
   * @param ddSyncedChunksSeconds {@code dd bs=8M oflag=dsync}: each 8 MiB synced before the
   *     next, as the server syncs each PATCH, s
   * @param chunked the upload in PATCH requests of the chunk size; its value is the file id
   * @param single the upload in one PATCH request
   */
  record Upload(double ddSeconds, double ddSyncedChunksSeconds, Timed<String> chunked, Timed<String> single) {}

  /**
   * Downloads of the whole stored content, discarded.
   *
   * @param ddColdSeconds {@code dd bs=8M} of the stored content to /dev/null, out of the page
   *     cache, s
   * @param getCold the download, out of the page cache; its value is the bytes received
   * @param ddWarmSeconds as {@code ddColdSeconds}, the content in the page cache, s
   * @param getWarm as {@code getCold}, the content in the page cache
   */
  record Download(double ddColdSeconds, Timed<Long> getCold, double ddWarmSeconds,
      Timed<Long> getWarm) {}

  /**
   * Instant transfer and the hash a client computes before asking for it.
   *
   * @param hashColdSeconds SHA-256 of the file in Java, out of the page cache, s
   * @param hashWarmSeconds SHA-256 of the file in Java, in the page cache, s
   * @param postMedianMs the median time of the {@code POST /api/v1/files} requests, ms
   * @param postMaxMs the longest of them, ms
   */
  record Instant(double hashColdSeconds, double hashWarmSeconds, double postMedianMs,
      double postMaxMs) {}

  /** Throughput of moving this file in {@code seconds}, MB/s (10^6 bytes per second). */
  double mbPerSecond(double seconds) {
    return sizeBytes / 1e6 / seconds;
  }

  /** The file's size in GiB. */
  double gib() {
    return sizeBytes / (double) (1L << 30);
  }
}
