package io.kaihui.media.stun;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builds one STUN message (RFC 8489 §5, §14): Binding success and error responses for the ICE-lite
 * server, and Binding Requests like Chromium's for tests and the synthetic browser of the load
 * generator (RFC 8445 §7.1).
 *
 * <p>Each attribute method appends one attribute, in call order, value padded with zero bytes to
 * a multiple of 4. {@link #build} appends MESSAGE-INTEGRITY and then FINGERPRINT last, with the
 * header length counting them (RFC 8489 §14.5, §14.7). A builder may be built more than once; it
 * is not thread-safe.
 *
 * <pre>{@code
 * byte[] response = new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
 *         request.transactionId())
 *     .xorMappedAddress(sender)
 *     .build(localPassword.getBytes(StandardCharsets.UTF_8), true);
 * }</pre>
 */
public final class StunMessageBuilder {
  private static final int MAX_MESSAGE_LENGTH = 0xFFFC;

  private final int messageType;
  private final byte[] transactionId;
  private final ByteArrayOutputStream attributes = new ByteArrayOutputStream(128);

  /**
   * Starts a message.
   *
   * @param method the 12-bit method, 0..0xFFF; {@link StunMessage#BINDING} for ICE
   * @param cls the class
   * @param transactionId 12 bytes (copied): a response echoes the request's (RFC 8489 §6.3.1),
   *     a request uses fresh cryptographically random bytes (§6)
   * @throws IllegalArgumentException if the method is outside 0..0xFFF or the transaction ID is
   *     not 12 bytes
   */
  public StunMessageBuilder(int method, StunClass cls, byte[] transactionId) {
    if (method < 0 || method > 0xFFF) {
      throw new IllegalArgumentException("method " + method + " is outside 0..0xFFF");
    }
    if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
      throw new IllegalArgumentException(
          "transaction ID is " + transactionId.length + " bytes, expected 12");
    }
    this.messageType = cls.messageType(method);
    this.transactionId = transactionId.clone();
  }

  /**
   * Appends XOR-MAPPED-ADDRESS (RFC 8489 §14.2): family 0x01 for IPv4 or 0x02 for IPv6, port XOR
   * 0x2112, address XOR the magic cookie (and the transaction ID for IPv6).
   *
   * @param address the transport address the request came from; must be resolved
   * @return this builder
   * @throws IllegalArgumentException if the address is unresolved
   */
  public StunMessageBuilder xorMappedAddress(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      throw new IllegalArgumentException("unresolved address " + address);
    }
    byte[] raw = ip.getAddress();
    byte[] value = new byte[4 + raw.length];
    value[1] = (byte) (ip instanceof Inet4Address ? 0x01 : 0x02);
    int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
    value[2] = (byte) (port >>> 8);
    value[3] = (byte) port;
    for (int i = 0; i < raw.length; i++) {
      byte pad = i < 4
          ? (byte) (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i))
          : transactionId[i - 4];
      value[4 + i] = (byte) (raw[i] ^ pad);
    }
    return append(StunAttributeType.XOR_MAPPED_ADDRESS, value);
  }

  /**
   * Appends USERNAME (RFC 8489 §14.3); for an ICE check {@code "receiverUfrag:senderUfrag"}
   * (RFC 8445 §7.2.2), i.e. {@code "serverUfrag:browserUfrag"} from a browser.
   *
   * @param username the username, written as UTF-8
   * @return this builder
   */
  public StunMessageBuilder username(String username) {
    return append(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends SOFTWARE (RFC 8489 §14.14).
   *
   * @param software a description of the sender's software, written as UTF-8; fewer than 128
   *     characters
   * @return this builder
   * @throws IllegalArgumentException if 128 characters or longer
   */
  public StunMessageBuilder software(String software) {
    if (software.codePointCount(0, software.length()) >= 128) {
      throw new IllegalArgumentException("SOFTWARE must be fewer than 128 characters");
    }
    return append(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends ERROR-CODE (RFC 8489 §14.8): class {@code code / 100}, number {@code code % 100} and
   * the reason phrase.
   *
   * @param code 300..699, e.g. 400 Bad Request, 401 Unauthorized, 420 Unknown Attribute, 487 Role
   *     Conflict (RFC 8445 §7.3.1.1)
   * @param reason a short reason phrase, written as UTF-8; fewer than 128 characters
   * @return this builder
   * @throws IllegalArgumentException if the code is outside 300..699 or the reason 128 characters
   *     or longer
   */
  public StunMessageBuilder errorCode(int code, String reason) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("error code " + code + " is outside 300..699");
    }
    if (reason.codePointCount(0, reason.length()) >= 128) {
      throw new IllegalArgumentException("reason phrase must be fewer than 128 characters");
    }
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] value = new byte[4 + text.length];
    value[2] = (byte) (code / 100);
    value[3] = (byte) (code % 100);
    System.arraycopy(text, 0, value, 4, text.length);
    return append(StunAttributeType.ERROR_CODE, value);
  }

  /**
   * Appends UNKNOWN-ATTRIBUTES (RFC 8489 §14.13), which goes with error 420.
   *
   * @param types the attribute types not understood, each 0..0xFFFF, e.g. from
   *     {@link StunMessage#unknownRequiredAttributes()}
   * @return this builder
   * @throws IllegalArgumentException if a type is outside 0..0xFFFF
   */
  public StunMessageBuilder unknownAttributes(int... types) {
    byte[] value = new byte[2 * types.length];
    for (int i = 0; i < types.length; i++) {
      checkType(types[i]);
      value[2 * i] = (byte) (types[i] >>> 8);
      value[2 * i + 1] = (byte) types[i];
    }
    return append(StunAttributeType.UNKNOWN_ATTRIBUTES, value);
  }

  /**
   * Appends PRIORITY (RFC 8445 §7.1.1).
   *
   * @param priority the unsigned 32-bit priority, 0..0xFFFFFFFF (§5.1.2)
   * @return this builder
   * @throws IllegalArgumentException if outside 0..0xFFFFFFFF
   */
  public StunMessageBuilder priority(long priority) {
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("priority " + priority + " is outside 0..2^32-1");
    }
    return append(StunAttributeType.PRIORITY, int32(priority));
  }

  /**
   * Appends USE-CANDIDATE (RFC 8445 §7.1.2), empty.
   *
   * @return this builder
   */
  public StunMessageBuilder useCandidate() {
    return append(StunAttributeType.USE_CANDIDATE, new byte[0]);
  }

  /**
   * Appends ICE-CONTROLLING (RFC 8445 §7.1.3).
   *
   * @param tieBreaker the sender's 64-bit tie-breaker, any value
   * @return this builder
   */
  public StunMessageBuilder iceControlling(long tieBreaker) {
    return append(StunAttributeType.ICE_CONTROLLING, int64(tieBreaker));
  }

  /**
   * Appends ICE-CONTROLLED (RFC 8445 §7.1.3).
   *
   * @param tieBreaker the sender's 64-bit tie-breaker, any value
   * @return this builder
   */
  public StunMessageBuilder iceControlled(long tieBreaker) {
    return append(StunAttributeType.ICE_CONTROLLED, int64(tieBreaker));
  }

  /**
   * Appends any other attribute as raw bytes, e.g. Chromium's
   * {@link StunAttributeType#GOOG_NETWORK_INFO}.
   *
   * @param type the 16-bit type, 0..0xFFFF, neither MESSAGE-INTEGRITY nor FINGERPRINT (which
   *     {@link #build} adds)
   * @param value the value (copied), at most 65532 bytes
   * @return this builder
   * @throws IllegalArgumentException if the type is out of range or one that {@link #build} adds
   */
  public StunMessageBuilder attribute(int type, byte[] value) {
    checkType(type);
    if (type == StunAttributeType.MESSAGE_INTEGRITY || type == StunAttributeType.FINGERPRINT) {
      throw new IllegalArgumentException(
          "MESSAGE-INTEGRITY and FINGERPRINT are added by build(), not as raw attributes");
    }
    return append(type, value.clone());
  }

  /**
   * Builds the message: header, the appended attributes, then MESSAGE-INTEGRITY if a key is given
   * (RFC 8489 §14.5) and FINGERPRINT last if asked (§14.7), the length field counting all of them.
   *
   * @param integrityKeyOrNull the HMAC-SHA1 key, not empty: for ICE the password of the agent
   *     that receives a request or sends a response, as UTF-8 bytes (RFC 8445 §7.2.2, RFC 8489
   *     §9.1.1); null to send no MESSAGE-INTEGRITY
   * @param fingerprint true to append FINGERPRINT (ICE requires it, RFC 8445 §7.2.2)
   * @return the encoded message, a fresh array
   * @throws IllegalArgumentException if the key is empty
   * @throws IllegalStateException if the message would exceed the 16-bit length field
   */
  public byte[] build(byte[] integrityKeyOrNull, boolean fingerprint) {
    if (integrityKeyOrNull != null && integrityKeyOrNull.length == 0) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY key must not be empty");
    }
    int attributesLength = attributes.size()
        + (integrityKeyOrNull != null ? 4 + StunIntegrity.HMAC_LENGTH : 0)
        + (fingerprint ? 8 : 0);
    if (attributesLength > MAX_MESSAGE_LENGTH) {
      throw new IllegalStateException(
          "attributes take " + attributesLength + " bytes, more than the length field allows");
    }
    byte[] out = new byte[StunMessage.HEADER_LENGTH + attributesLength];
    putShort(out, 0, messageType);
    putShort(out, 2, attributesLength);
    System.arraycopy(int32(StunMessage.MAGIC_COOKIE), 0, out, 4, 4);
    System.arraycopy(transactionId, 0, out, 8, transactionId.length);
    int pos = StunMessage.HEADER_LENGTH;
    byte[] appended = attributes.toByteArray();
    System.arraycopy(appended, 0, out, pos, appended.length);
    pos += appended.length;
    if (integrityKeyOrNull != null) {
      byte[] hmac = StunIntegrity.hmacSha1(integrityKeyOrNull, out, pos);
      putShort(out, pos, StunAttributeType.MESSAGE_INTEGRITY);
      putShort(out, pos + 2, hmac.length);
      System.arraycopy(hmac, 0, out, pos + 4, hmac.length);
      pos += 4 + hmac.length;
    }
    if (fingerprint) {
      int crc = StunIntegrity.fingerprint(out, pos);
      putShort(out, pos, StunAttributeType.FINGERPRINT);
      putShort(out, pos + 2, 4);
      System.arraycopy(int32(crc), 0, out, pos + 4, 4);
    }
    return out;
  }

  private StunMessageBuilder append(int type, byte[] value) {
    int padded = (value.length + 3) & ~3;
    if (value.length > MAX_MESSAGE_LENGTH || attributes.size() + 4 + padded > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(String.format(
          "attribute 0x%04X of %d bytes does not fit in one STUN message", type, value.length));
    }
    attributes.write(type >>> 8);
    attributes.write(type);
    attributes.write(value.length >>> 8);
    attributes.write(value.length);
    attributes.writeBytes(value);
    for (int i = value.length; i < padded; i++) {
      attributes.write(0);
    }
    return this;
  }

  private static void checkType(int type) {
    if (type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("attribute type " + type + " is outside 0..0xFFFF");
    }
  }

  private static void putShort(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  private static byte[] int32(long v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static byte[] int64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
