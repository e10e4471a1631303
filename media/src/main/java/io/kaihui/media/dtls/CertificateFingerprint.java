package io.kaihui.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as SDP carries it in {@code a=fingerprint} (RFC 8122 §5): a hash
 * function name from the IANA "Hash Function Textual Names" registry and the hash of the DER
 * certificate as uppercase hex pairs joined by colons.
 *
 * @param algorithm the lowercase hash function name, such as {@code sha-256}
 * @param value the hash, such as {@code AB:CD:...}
 */
record CertificateFingerprint(String algorithm, String value) {

  private static final HexFormat SDP_HEX = HexFormat.ofDelimiter(":").withUpperCase();

  /**
   * Fingerprints a DER-encoded certificate.
   *
   * @param algorithm the hash function name, any case ({@code sha-1}, {@code sha-224},
   *     {@code sha-256}, {@code sha-384} or {@code sha-512})
   * @param derCertificate the certificate, DER-encoded
   * @return the fingerprint
   * @throws IllegalArgumentException if the algorithm is not one of those
   */
  static CertificateFingerprint of(String algorithm, byte[] derCertificate) {
    String name = algorithm.toLowerCase(Locale.ROOT);
    return new CertificateFingerprint(name, SDP_HEX.formatHex(digest(name).digest(derCertificate)));
  }

  /**
   * Reads the fingerprint of an SDP {@code a=fingerprint} attribute.
   *
   * @param algorithm the hash function name, any case
   * @param value hex pairs joined by colons, any case
   * @return the fingerprint, normalised to a lowercase name and uppercase hex
   * @throws IllegalArgumentException if the algorithm is unsupported (MD2 and MD5 are refused,
   *     RFC 8122 §5) or the value is not as long as that hash
   * @throws NullPointerException if an argument is null
   */
  static CertificateFingerprint parse(String algorithm, String value) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    String name = algorithm.trim().toLowerCase(Locale.ROOT);
    int length = digest(name).getDigestLength();
    byte[] hash;
    try {
      hash = SDP_HEX.parseHex(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fingerprint is not colon-separated hex: " + value, e);
    }
    if (hash.length != length) {
      throw new IllegalArgumentException(
          name + " fingerprint must have " + length + " bytes, not " + hash.length);
    }
    return new CertificateFingerprint(name, SDP_HEX.formatHex(hash));
  }

  /** Whether {@code derCertificate} hashes to this fingerprint. */
  boolean matches(byte[] derCertificate) {
    return value.equals(of(algorithm, derCertificate).value);
  }

  private static MessageDigest digest(String name) {
    String jca = switch (name) {
      case "sha-1" -> "SHA-1";
      case "sha-224" -> "SHA-224";
      case "sha-256" -> "SHA-256";
      case "sha-384" -> "SHA-384";
      case "sha-512" -> "SHA-512";
      default -> throw new IllegalArgumentException("unsupported fingerprint hash: " + name);
    };
    try {
      return MessageDigest.getInstance(jca);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + jca, e);
    }
  }
}
