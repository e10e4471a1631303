package io.kaihui.media.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two STUN checksums over a message prefix, shared by {@link StunMessage} (verification) and
 * {@link StunMessageBuilder} (signing). Both are computed as if the header's length field
 * already counted the attribute being computed (RFC 8489 §14.5, §14.7), whatever the length field
 * in the bytes says.
 */
final class StunIntegrity {
  /** Value length of MESSAGE-INTEGRITY, bytes (HMAC-SHA1 output). */
  static final int HMAC_LENGTH = 20;
  /** The constant XORed into the CRC-32 of FINGERPRINT (RFC 8489 §14.7): "STUN". */
  static final int FINGERPRINT_XOR = 0x5354554E;

  /**
   * One HMAC-SHA1 per thread, made once: {@code Mac.getInstance} searches the JCA providers
   * every time, which cost more than the HMAC itself and, on the media loop during a join
   * burst (every new PeerConnection checks every 50 ms), a sixth of the loop's time.
   */
  private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA1");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
  });

  private StunIntegrity() {}

  /**
   * Computes MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 with {@code key} over the message up
   * to the MESSAGE-INTEGRITY attribute, the header length field set to count the attributes before
   * it plus the 24 bytes of MESSAGE-INTEGRITY itself.
   *
   * @param key the HMAC key; for short-term credentials the password as UTF-8 (§9.1.1); not
   *     empty
   * @param msg the message, starting with its 20-byte header
   * @param integrityOffset where the MESSAGE-INTEGRITY attribute header starts (= bytes covered),
   *     at least 20
   * @return the 20-byte HMAC
   * @throws IllegalArgumentException if {@code key} is empty
   */
  static byte[] hmacSha1(byte[] key, byte[] msg, int integrityOffset) {
    Mac mac = HMAC_SHA1.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 refused a key", e);
    }
    int length = integrityOffset - StunMessage.HEADER_LENGTH + 4 + HMAC_LENGTH;
    mac.update(msg, 0, 2);
    mac.update((byte) (length >>> 8));
    mac.update((byte) length);
    mac.update(msg, 4, integrityOffset - 4);
    return mac.doFinal();
  }

  /**
   * Computes FINGERPRINT (RFC 8489 §14.7): CRC-32 (as in ISO 3309 and ZIP) over the message up to
   * the FINGERPRINT attribute, the header length field set to count the 8 bytes of FINGERPRINT,
   * XORed with 0x5354554E.
   *
   * @param msg the message, starting with its 20-byte header
   * @param fingerprintOffset where the FINGERPRINT attribute header starts, at least 20
   * @return the 32-bit fingerprint value as sent on the wire
   */
  static int fingerprint(byte[] msg, int fingerprintOffset) {
    int length = fingerprintOffset - StunMessage.HEADER_LENGTH + 8;
    CRC32 crc = new CRC32();
    crc.update(msg, 0, 2);
    crc.update(length >>> 8);
    crc.update(length);
    crc.update(msg, 4, fingerprintOffset - 4);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }
}
