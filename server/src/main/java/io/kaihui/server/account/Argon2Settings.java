package io.kaihui.server.account;

/**
 * The cost of an Argon2id password hash (RFC 9106 §3.1).
 *
 * @param memoryKiB memory per hash, in KiB (1024 bytes); at least 8 × parallelism
 * @param iterations passes over the memory (Argon2's t), at least 1
 * @param parallelism lanes (Argon2's p), 1..16
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

  /**
   * OWASP's first recommendation (Password Storage Cheat Sheet, Argon2id): m = 19 MiB
   * (19456 KiB), t = 2, p = 1.
   */
  public static final Argon2Settings OWASP = new Argon2Settings(19 * 1024, 2, 1);

  /**
   * Validates the settings. The upper bounds keep a corrupted or hostile stored hash from
   * asking for gigabytes or minutes.
   *
   * @throws IllegalArgumentException if a value is out of range: memory 8 × p .. 1 GiB,
   *     iterations 1..64, parallelism 1..16
   */
  public Argon2Settings {
    if (parallelism < 1 || parallelism > 16) {
      throw new IllegalArgumentException("Argon2 parallelism must be 1..16, not " + parallelism);
    }
    if (iterations < 1 || iterations > 64) {
      throw new IllegalArgumentException("Argon2 iterations must be 1..64, not " + iterations);
    }
    if (memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024) {
      throw new IllegalArgumentException(
          "Argon2 memory must be 8 KiB per lane .. 1 GiB, not " + memoryKiB + " KiB");
    }
  }
}
