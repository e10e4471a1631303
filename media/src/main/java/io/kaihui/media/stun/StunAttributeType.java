package io.kaihui.media.stun;

/**
 * STUN attribute type codes (IANA "STUN Attributes" registry) that Kaihui reads or writes, and
 * the comprehension rule of RFC 8489 §14: types 0x0000..0x7FFF are comprehension-required (an
 * agent that does not understand one must reject the message, answering a request with 420),
 * types 0x8000..0xFFFF are comprehension-optional (ignored when not understood).
 */
public final class StunAttributeType {
  /** MAPPED-ADDRESS (RFC 8489 §14.1), comprehension-required; not read by Kaihui. */
  public static final int MAPPED_ADDRESS = 0x0001;
  /** USERNAME (RFC 8489 §14.3): for ICE, {@code "receiverUfrag:senderUfrag"} (RFC 8445 §7.2.2). */
  public static final int USERNAME = 0x0006;
  /** MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1, 20 bytes. */
  public static final int MESSAGE_INTEGRITY = 0x0008;
  /** ERROR-CODE (RFC 8489 §14.8): class, number and UTF-8 reason phrase. */
  public static final int ERROR_CODE = 0x0009;
  /** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): list of 16-bit types, sent with error 420. */
  public static final int UNKNOWN_ATTRIBUTES = 0x000A;
  /** REALM (RFC 8489 §14.9): long-term credentials only. */
  public static final int REALM = 0x0014;
  /** NONCE (RFC 8489 §14.10): long-term credentials only. */
  public static final int NONCE = 0x0015;
  /** MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6), comprehension-required; not supported. */
  public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
  /** XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the reflexive transport address, XOR-obfuscated. */
  public static final int XOR_MAPPED_ADDRESS = 0x0020;
  /** PRIORITY (RFC 8445 §7.1.1, §16.1): the 32-bit priority of a peer-reflexive candidate. */
  public static final int PRIORITY = 0x0024;
  /** USE-CANDIDATE (RFC 8445 §7.1.2, §16.1): the controlling agent nominates this pair. */
  public static final int USE_CANDIDATE = 0x0025;
  /** SOFTWARE (RFC 8489 §14.14), comprehension-optional: the sender's software, UTF-8. */
  public static final int SOFTWARE = 0x8022;
  /** FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message XOR 0x5354554E; always last. */
  public static final int FINGERPRINT = 0x8028;
  /** ICE-CONTROLLED (RFC 8445 §7.1.3, §16.1): 64-bit tie-breaker of a controlled agent. */
  public static final int ICE_CONTROLLED = 0x8029;
  /** ICE-CONTROLLING (RFC 8445 §7.1.3, §16.1): 64-bit tie-breaker of a controlling agent. */
  public static final int ICE_CONTROLLING = 0x802A;
  /**
   * GOOG-NETWORK-INFO, comprehension-optional: Chromium adds it to its Binding Requests (network
   * id and cost, 4 bytes). Kaihui ignores it; a synthetic browser may send it.
   */
  public static final int GOOG_NETWORK_INFO = 0xC057;

  private StunAttributeType() {}

  /**
   * Tells whether an attribute type is comprehension-required (RFC 8489 §14).
   *
   * @param type a 16-bit attribute type, 0..0xFFFF
   * @return true for 0x0000..0x7FFF, false for 0x8000..0xFFFF
   */
  public static boolean isComprehensionRequired(int type) {
    return (type & 0x8000) == 0;
  }
}
