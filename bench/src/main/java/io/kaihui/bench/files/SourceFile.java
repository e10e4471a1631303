package io.kaihui.bench.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The file a benchmark sends: pseudo-random bytes (nothing on the way can compress them),
 * written and synced to disk once, with their SHA-256.
 *
 * @param path where it is
 * @param sizeBytes its length, bytes
 * @param sha256 its SHA-256, 64 lower-case hex digits
 */
record SourceFile(Path path, long sizeBytes, String sha256) {

  /** The read buffer of {@link #hash}: 64 KiB, as the server's and a careful client's. */
  static final int HASH_BUFFER_BYTES = 64 * 1024;

  private static final int WRITE_BUFFER_BYTES = 8 * 1024 * 1024;

  /**
   * Writes {@code sizeBytes} pseudo-random bytes to {@code path} (replacing it), syncs them to
   * disk (so that dd can later drop them from the page cache) and hashes them as they go.
   *
   * @param seed the generator's seed
   */
  static SourceFile create(Path path, long sizeBytes, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    MessageDigest sha = newDigest();
    byte[] buffer = new byte[WRITE_BUFFER_BYTES];
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      long left = sizeBytes;
      while (left > 0) {
        int n = (int) Math.min(buffer.length, left);
        random.nextBytes(buffer);
        sha.update(buffer, 0, n);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        left -= n;
      }
      out.force(true);
    }
    return new SourceFile(path, sizeBytes, HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * The SHA-256 of a file as a client computes it before asking for an instant transfer:
   * {@link MessageDigest} over reads of {@value #HASH_BUFFER_BYTES} bytes.
   *
   * @return 64 lower-case hex digits
   */
  static String hash(Path file) throws IOException {
    MessageDigest sha = newDigest();
    byte[] buffer = new byte[HASH_BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
