package io.kaihui.media.stun;

/**
 * The class of a STUN message: the two bits C1 and C0 spread inside the 14-bit message type
 * (RFC 8489 §5, figure 3).
 */
public enum StunClass {
  /** C1C0 = 0b00: a request, which expects a response (RFC 8489 §3). */
  REQUEST(0b00),
  /** C1C0 = 0b01: an indication, which expects no response. */
  INDICATION(0b01),
  /** C1C0 = 0b10: a success response. */
  SUCCESS_RESPONSE(0b10),
  /** C1C0 = 0b11: an error response, carrying an ERROR-CODE (RFC 8489 §14.8). */
  ERROR_RESPONSE(0b11);

  private static final StunClass[] BY_BITS = {REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE};

  private final int bits;

  StunClass(int bits) {
    this.bits = bits;
  }

  /**
   * Encodes a method and a class into a STUN message type (RFC 8489 §5): M11..M7, C1, M6..M4, C0,
   * M3..M0 from the most significant of the 14 bits down.
   *
   * @param method the 12-bit method, 0..0xFFF
   * @return the 14-bit message type, 0..0x3FFF
   */
  int messageType(int method) {
    return (method & 0x000F)
        | ((method & 0x0070) << 1)
        | ((method & 0x0F80) << 2)
        | ((bits & 0b01) << 4)
        | ((bits & 0b10) << 7);
  }

  /**
   * Reads the class out of a 14-bit message type (RFC 8489 §5).
   *
   * @param messageType the message type with its two leading zero bits
   * @return the class
   */
  static StunClass ofMessageType(int messageType) {
    return BY_BITS[((messageType >> 4) & 0b01) | ((messageType >> 7) & 0b10)];
  }

  /**
   * Reads the method out of a 14-bit message type (RFC 8489 §5).
   *
   * @param messageType the message type with its two leading zero bits
   * @return the 12-bit method, 0..0xFFF
   */
  static int methodOf(int messageType) {
    return (messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80);
  }
}
