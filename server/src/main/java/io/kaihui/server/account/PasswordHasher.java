package io.kaihui.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (RFC 9106), through Bouncy Castle's
 * {@link Argon2BytesGenerator}, and writes the result in the PHC string format that the
 * reference implementation and libsodium use:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt (16 random bytes) and hash (32
 * bytes) in standard base64 without padding.
 *
 * <p>A password is normalized to Unicode NFKC before hashing (NIST SP 800-63B §5.1.1.2), so the
 * same password typed on two keyboards that compose characters differently still matches.
 *
 * <p>Each hash takes {@link Argon2Settings#memoryKiB()} of memory; at most
 * {@code maxConcurrent} run at once and further callers wait, so a burst of sign-ins cannot
 * exhaust the heap. Thread-safe.
 */
public final class PasswordHasher {

  /** Salt length in bytes (RFC 9106 §3.1 recommends 16). */
  public static final int SALT_BYTES = 16;

  /** Hash length in bytes. */
  public static final int HASH_BYTES = 32;

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Settings settings;
  private final SecureRandom random = new SecureRandom();
  private final Semaphore permits;
  private final LongAdder verifications = new LongAdder();

  /**
   * A hasher at {@link Argon2Settings#OWASP} running as many hashes at once as there are
   * processors.
   */
  public PasswordHasher() {
    this(Argon2Settings.OWASP, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Creates a hasher.
   *
   * @param settings the cost of new hashes (existing ones verify at their own cost)
   * @param maxConcurrent how many hashes may run at once, at least 1
   */
  public PasswordHasher(Argon2Settings settings, int maxConcurrent) {
    this.settings = settings;
    this.permits = new Semaphore(Math.max(1, maxConcurrent), true);
  }

  /** The cost of new hashes. */
  public Argon2Settings settings() {
    return settings;
  }

  /**
   * Hashes a password with a fresh random salt.
   *
   * @param password the password, any length and content
   * @return the PHC string, about 100 ASCII characters
   * @throws NullPointerException if the password is null
   */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, settings, HASH_BYTES);
    return "$argon2id$v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations() + ",p="
        + settings.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /**
   * Checks a password against a stored hash, at the stored hash's cost, comparing the hashes in
   * constant time.
   *
   * @param password the password offered; null never matches
   * @param encoded a PHC string made by {@link #hash}
   * @return true if the password matches
   * @throws IllegalArgumentException if {@code encoded} is not an Argon2id PHC string this class
   *     can verify
   */
  public boolean verify(String password, String encoded) {
    Phc phc = Phc.parse(encoded);
    verifications.increment();
    // A null password still costs a hash, so that no answer comes back faster than another.
    byte[] actual = derive(password == null ? "" : password, phc.salt, phc.settings,
        phc.hash.length);
    return MessageDigest.isEqual(actual, phc.hash) && password != null;
  }

  /**
   * How many times {@link #verify} has checked a password against a well-formed hash since
   * this hasher was made: a counter for metrics, and the way tests see that a sign-in for an
   * unknown username costs the same hash check as one for a known username.
   */
  public long verifications() {
    return verifications.sum();
  }

  /**
   * Whether a stored hash should be replaced (after a successful sign-in, when the password is
   * at hand) because it was made at other settings than the current ones.
   *
   * @param encoded a stored hash
   * @return true if its cost, salt or hash length differ from what {@link #hash} makes now, or it
   *     cannot be read
   */
  public boolean needsRehash(String encoded) {
    Phc phc;
    try {
      phc = Phc.parse(encoded);
    } catch (IllegalArgumentException e) {
      return true;
    }
    return !phc.settings.equals(settings) || phc.salt.length != SALT_BYTES
        || phc.hash.length != HASH_BYTES;
  }

  private byte[] derive(String password, byte[] salt, Argon2Settings cost, int length) {
    byte[] pw = Normalizer.normalize(password, Normalizer.Form.NFKC)
        .getBytes(StandardCharsets.UTF_8);
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKiB())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt)
        .build());
    byte[] out = new byte[length];
    permits.acquireUninterruptibly();
    try {
      generator.generateBytes(pw, out);
    } finally {
      permits.release();
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }

  /** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
  private record Phc(Argon2Settings settings, byte[] salt, byte[] hash) {

    static Phc parse(String encoded) {
      if (encoded == null || encoded.length() > 512) {
        throw new IllegalArgumentException("not an Argon2id PHC string");
      }
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id")
          || !parts[2].equals("v=19")) {
        throw new IllegalArgumentException("not an Argon2id v=19 PHC string");
      }
      String[] params = parts[3].split(",", -1);
      if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=")
          || !params[2].startsWith("p=")) {
        throw new IllegalArgumentException("Argon2 parameters must be m=..,t=..,p=..");
      }
      Argon2Settings settings;
      byte[] salt;
      byte[] hash;
      try {
        settings = new Argon2Settings(Integer.parseInt(params[0].substring(2)),
            Integer.parseInt(params[1].substring(2)), Integer.parseInt(params[2].substring(2)));
        salt = B64_DECODER.decode(parts[4]);
        hash = B64_DECODER.decode(parts[5]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Argon2 parameters must be decimal numbers", e);
      }
      if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
        throw new IllegalArgumentException("Argon2 salt must be 8..64 bytes and hash 16..64");
      }
      return new Phc(settings, salt, hash);
    }
  }
}
