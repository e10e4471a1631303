package io.kaihui.bench.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GNU {@code dd} (coreutils), the yardstick of the file benchmark: what the disk and the page
 * cache give a plain copy of the same file with the same block size, and the way to drop one
 * file from the page cache ({@code iflag=nocache count=0}, posix_fadvise DONTNEED on that file
 * alone: the rest of this shared machine's cache is left as it is).
 */
final class Dd {

  /** dd's block size, the web client's chunk size. */
  static final String BLOCK = "bs=8M";

  private Dd() {}

  /**
   * Copies a file to another on the same file system and syncs it before dd ends
   * ({@code conv=fsync}).
   *
   * @return seconds, from starting dd to its end
   */
  static double copySynced(Path from, Path to) throws IOException, InterruptedException {
    return run("if=" + from, "of=" + to, BLOCK, "conv=fsync");
  }

  /**
   * Copies a file to another on the same file system, each block synced before the next
   * ({@code oflag=dsync}: O_DSYNC, as an fdatasync after every 8 MiB).
   *
   * @return seconds, from starting dd to its end
   */
  static double copySyncedPerBlock(Path from, Path to) throws IOException, InterruptedException {
    return run("if=" + from, "of=" + to, BLOCK, "oflag=dsync");
  }

  /**
   * Reads a file to {@code /dev/null}.
   *
   * @return seconds, from starting dd to its end
   */
  static double read(Path file) throws IOException, InterruptedException {
    return run("if=" + file, "of=/dev/null", BLOCK);
  }

  /**
   * Drops a file's clean pages from the page cache, so that the next read comes from the disk.
   */
  static void evict(Path file) throws IOException, InterruptedException {
    run("if=" + file, "iflag=nocache", "count=0");
  }

  private static double run(String... operands) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("dd", "status=none"));
    command.addAll(List.of(operands));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
