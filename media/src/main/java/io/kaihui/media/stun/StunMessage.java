package io.kaihui.media.stun;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * One STUN message (RFC 8489), parsed once into an immutable view: the header, the attributes an
 * ICE-lite server and a synthetic browser need (RFC 8445 §7.1, §16.1), and what is needed to check
 * MESSAGE-INTEGRITY and FINGERPRINT afterwards.
 *
 * <p>Attribute rules applied by {@link #parse}: only the first occurrence of an attribute counts
 * (RFC 8489 §14); everything after MESSAGE-INTEGRITY except FINGERPRINT is ignored (§14.5);
 * FINGERPRINT must be the last attribute (§14.7); unknown comprehension-optional attributes are
 * ignored, unknown comprehension-required ones are listed by {@link #unknownRequiredAttributes()}
 * so that the caller can answer 420 (§6.3.1.1). Padding bytes may hold any value (§14: "MUST be
 * ignored by the receiver"; RFC 5769 pads with spaces).
 *
 * <p>Parsing copies the message (a few hundred bytes); STUN arrives every few seconds per
 * connection, so allocation is fine here. Instances are immutable and safe to share.
 */
public final class StunMessage {
  /** Length of the STUN header, bytes (RFC 8489 §5). */
  public static final int HEADER_LENGTH = 20;
  /** The fixed magic cookie, bytes 4..7 of every STUN message (RFC 8489 §5). */
  public static final int MAGIC_COOKIE = 0x2112A442;
  /** Length of a transaction ID, bytes (RFC 8489 §5). */
  public static final int TRANSACTION_ID_LENGTH = 12;
  /** The Binding method (RFC 8489 §18.2), the only one ICE uses. */
  public static final int BINDING = 0x001;

  private final byte[] bytes;
  private final int method;
  private final StunClass messageClass;
  private final String username;
  private final String software;
  private final String realm;
  private final String nonce;
  private final long priority;
  private final boolean useCandidate;
  private final boolean iceControlling;
  private final boolean iceControlled;
  private final long tieBreaker;
  private final InetSocketAddress xorMappedAddress;
  private final int errorCode;
  private final String errorReason;
  private final int integrityOffset;
  private final int fingerprintOffset;
  private final int[] unknownRequiredAttributes;

  private StunMessage(StunAttributeDecoder d) {
    bytes = d.msg;
    int type = StunAttributeDecoder.u16(bytes, 0);
    method = StunClass.methodOf(type);
    messageClass = StunClass.ofMessageType(type);
    username = d.username;
    software = d.software;
    realm = d.realm;
    nonce = d.nonce;
    priority = d.priority;
    useCandidate = d.useCandidate;
    iceControlling = d.iceControlling;
    iceControlled = d.iceControlled;
    tieBreaker = d.tieBreaker;
    xorMappedAddress = d.xorMappedAddress;
    errorCode = d.errorCode;
    errorReason = d.errorReason;
    integrityOffset = d.integrityOffset;
    fingerprintOffset = d.fingerprintOffset;
    unknownRequiredAttributes = d.unknownRequiredAttributes();
  }

  /**
   * Cheap test whether a datagram may be STUN, for demultiplexing before {@link #parse}: first
   * byte 0..3 (RFC 7983 §7), at least a header long, the magic cookie in place (RFC 8489 §5).
   * Reads at most 8 bytes; allocates nothing.
   *
   * @param buf the datagram's buffer
   * @param off where the datagram starts in {@code buf}
   * @param len the datagram's length in bytes
   * @return true if the datagram passes the three tests; a true answer does not promise that
   *     {@link #parse} succeeds
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
   */
  public static boolean looksLikeStun(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return len >= HEADER_LENGTH
        && (buf[off] & 0xFF) <= 3
        && StunAttributeDecoder.i32(buf, off + 4) == MAGIC_COOKIE;
  }

  /**
   * Parses and validates one STUN message (RFC 8489 §5, §14) and copies its bytes.
   *
   * <p>Checks: at least 20 bytes; the two leading bits zero; the magic cookie; the header length
   * a multiple of 4 and equal to {@code len - 20}; every attribute and its padding within the
   * message; the value lengths of the attributes read here (USERNAME valid UTF-8, PRIORITY 4,
   * USE-CANDIDATE 0, ICE-CONTROLLED/ICE-CONTROLLING 8, MESSAGE-INTEGRITY 20, FINGERPRINT 4,
   * XOR-MAPPED-ADDRESS 8 for IPv4 or 20 for IPv6, ERROR-CODE at least 4 with class 3..6 and number
   * 0..99); FINGERPRINT last. Neither MESSAGE-INTEGRITY nor FINGERPRINT is verified here.
   *
   * @param buf the buffer holding the message
   * @param off where the message starts in {@code buf}
   * @param len the message's length in bytes: exactly one whole message, as one UDP datagram
   * @return the parsed message
   * @throws StunParseException if the bytes break one of the checks above; offsets in it count
   *     from {@code off}
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
   */
  public static StunMessage parse(byte[] buf, int off, int len) throws StunParseException {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len < HEADER_LENGTH) {
      throw new StunParseException(
          "message of " + len + " bytes is shorter than the 20-byte header", len);
    }
    if ((buf[off] & 0xC0) != 0) {
      throw new StunParseException(
          String.format("first two bits must be 0, first byte is 0x%02X", buf[off] & 0xFF), 0);
    }
    int cookie = StunAttributeDecoder.i32(buf, off + 4);
    if (cookie != MAGIC_COOKIE) {
      throw new StunParseException(
          String.format("magic cookie is 0x%08X, expected 0x2112A442", cookie), 4);
    }
    int declared = StunAttributeDecoder.u16(buf, off + 2);
    if ((declared & 3) != 0) {
      throw new StunParseException(
          "message length " + declared + " is not a multiple of 4", 2);
    }
    if (declared != len - HEADER_LENGTH) {
      throw new StunParseException(
          "message length field says " + declared + " bytes of attributes but "
              + (len - HEADER_LENGTH) + " follow the header", 2);
    }
    StunAttributeDecoder decoder =
        new StunAttributeDecoder(Arrays.copyOfRange(buf, off, off + len));
    decoder.decodeAll();
    return new StunMessage(decoder);
  }

  /**
   * The method (RFC 8489 §5).
   *
   * @return the 12-bit method, 0..0xFFF; {@link #BINDING} (0x001) for ICE
   */
  public int method() {
    return method;
  }

  /**
   * The class (RFC 8489 §5).
   *
   * @return request, indication, success response or error response
   */
  public StunClass messageClass() {
    return messageClass;
  }

  /**
   * The transaction ID (RFC 8489 §5), which a response must echo.
   *
   * @return a fresh copy of the 12 bytes
   */
  public byte[] transactionId() {
    return Arrays.copyOfRange(bytes, 8, HEADER_LENGTH);
  }

  /**
   * USERNAME (RFC 8489 §14.3); for ICE {@code "receiverUfrag:senderUfrag"} (RFC 8445 §7.2.2).
   *
   * @return the username decoded from UTF-8 (padding excluded), or null if absent
   */
  public String username() {
    return username;
  }

  /**
   * SOFTWARE (RFC 8489 §14.14).
   *
   * @return the software description (malformed UTF-8 replaced by U+FFFD), or null if absent
   */
  public String software() {
    return software;
  }

  /**
   * REALM (RFC 8489 §14.9), present with long-term credentials only.
   *
   * @return the realm (malformed UTF-8 replaced by U+FFFD), or null if absent
   */
  public String realm() {
    return realm;
  }

  /**
   * NONCE (RFC 8489 §14.10), present with long-term credentials only.
   *
   * @return the nonce (malformed UTF-8 replaced by U+FFFD), or null if absent
   */
  public String nonce() {
    return nonce;
  }

  /**
   * PRIORITY (RFC 8445 §7.1.1): the priority the sender would give a peer-reflexive candidate.
   *
   * @return the unsigned 32-bit priority, 0..0xFFFFFFFF, or -1 if absent
   */
  public long priority() {
    return priority;
  }

  /**
   * USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates the pair.
   *
   * @return true if present
   */
  public boolean useCandidate() {
    return useCandidate;
  }

  /**
   * ICE-CONTROLLING (RFC 8445 §7.1.3): the sender is the controlling agent.
   *
   * @return true if present
   */
  public boolean iceControlling() {
    return iceControlling;
  }

  /**
   * ICE-CONTROLLED (RFC 8445 §7.1.3): the sender is the controlled agent.
   *
   * @return true if present
   */
  public boolean iceControlled() {
    return iceControlled;
  }

  /**
   * The tie-breaker of ICE-CONTROLLING or ICE-CONTROLLED, whichever came first (RFC 8445 §7.1.3),
   * for role-conflict resolution (§7.3.1.1).
   *
   * @return the 64-bit tie-breaker as a signed long (compare with {@link Long#compareUnsigned});
   *     0 if neither attribute is present
   */
  public long tieBreaker() {
    return tieBreaker;
  }

  /**
   * XOR-MAPPED-ADDRESS (RFC 8489 §14.2), decoded: port XOR 0x2112, IPv4 address XOR the magic
   * cookie, IPv6 address XOR the magic cookie followed by the transaction ID.
   *
   * @return the reflexive transport address (an {@link java.net.Inet4Address} for family 0x01,
   *     an {@link java.net.Inet6Address} for family 0x02), or null if absent
   */
  public InetSocketAddress xorMappedAddress() {
    return xorMappedAddress;
  }

  /**
   * ERROR-CODE (RFC 8489 §14.8) as class × 100 + number.
   *
   * @return 300..699, e.g. 401, 420, 487; or -1 if absent
   */
  public int errorCode() {
    return errorCode;
  }

  /**
   * The reason phrase of ERROR-CODE (RFC 8489 §14.8).
   *
   * @return the reason (malformed UTF-8 replaced by U+FFFD, possibly empty), or null if absent
   */
  public String errorReason() {
    return errorReason;
  }

  /**
   * Comprehension-required attribute types (0x0000..0x7FFF) this parser does not understand,
   * found before MESSAGE-INTEGRITY; a request carrying any must be answered with error 420 and an
   * UNKNOWN-ATTRIBUTES attribute listing them (RFC 8489 §6.3.1.1, §14.13).
   *
   * @return a fresh array of the types in order of appearance, each listed once; empty if none
   */
  public int[] unknownRequiredAttributes() {
    return unknownRequiredAttributes.clone();
  }

  /**
   * Tells whether the message carries MESSAGE-INTEGRITY (RFC 8489 §14.5).
   *
   * @return true if present
   */
  public boolean hasMessageIntegrity() {
    return integrityOffset >= 0;
  }

  /**
   * Verifies MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 with {@code key} over the message up to
   * the attribute, the header length adjusted to end after it; compared in constant time.
   *
   * @param key the HMAC key: with short-term credentials (ICE) the password as UTF-8 bytes
   *     (RFC 8489 §9.1.1), with long-term credentials MD5(username ":" realm ":" password)
   *     (§9.2.2); not empty
   * @return true if the attribute is present and matches; false if absent or wrong
   * @throws IllegalArgumentException if {@code key} is empty
   */
  public boolean verifyMessageIntegrity(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY key must not be empty");
    }
    if (integrityOffset < 0) {
      return false;
    }
    byte[] expected = StunIntegrity.hmacSha1(key, bytes, integrityOffset);
    byte[] actual =
        Arrays.copyOfRange(bytes, integrityOffset + 4, integrityOffset + 4 + expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Tells whether the message carries FINGERPRINT (RFC 8489 §14.7).
   *
   * @return true if present (always as the last attribute)
   */
  public boolean hasFingerprint() {
    return fingerprintOffset >= 0;
  }

  /**
   * Verifies FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to the attribute XOR
   * 0x5354554E.
   *
   * @return true if the attribute is present and matches; false if absent or wrong
   */
  public boolean verifyFingerprint() {
    return fingerprintOffset >= 0
        && StunAttributeDecoder.i32(bytes, fingerprintOffset + 4)
            == StunIntegrity.fingerprint(bytes, fingerprintOffset);
  }

  /**
   * Describes the message for debugging: method, class, length and the attributes read.
   *
   * @return a one-line description; never includes MESSAGE-INTEGRITY bytes
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("StunMessage[method=0x")
        .append(Integer.toHexString(method)).append(", class=").append(messageClass)
        .append(", length=").append(bytes.length);
    if (username != null) {
      s.append(", username=").append(username);
    }
    if (priority >= 0) {
      s.append(", priority=").append(priority);
    }
    if (useCandidate) {
      s.append(", use-candidate");
    }
    if (iceControlling) {
      s.append(", ice-controlling");
    }
    if (iceControlled) {
      s.append(", ice-controlled");
    }
    if (xorMappedAddress != null) {
      s.append(", xor-mapped-address=").append(xorMappedAddress);
    }
    if (errorCode >= 0) {
      s.append(", error=").append(errorCode).append(' ').append(errorReason);
    }
    if (integrityOffset >= 0) {
      s.append(", message-integrity");
    }
    if (fingerprintOffset >= 0) {
      s.append(", fingerprint");
    }
    return s.append(']').toString();
  }
}
