package io.kaihui.media;

/**
 * What a UDP datagram on the shared media port carries, from its first byte (RFC 7983 §7, which
 * updates RFC 5764 §5.1.2), and RTP versus RTCP from the second (RFC 5761 §4).
 */
public enum PacketKind {
  /** First byte 0..3: STUN (RFC 8489). */
  STUN,
  /** First byte 20..63: a DTLS record (RFC 6347). */
  DTLS,
  /** First byte 128..191 and second byte not 192..223: RTP, SRTP protected. */
  RTP,
  /** First byte 128..191 and second byte 192..223: RTCP, SRTCP protected. */
  RTCP,
  /** Anything else (ZRTP, TURN channels, garbage): dropped. */
  UNKNOWN;

  /**
   * Classifies a datagram.
   *
   * @param buf the datagram
   * @param off where it starts
   * @param len its length in bytes
   * @return its kind; {@link #UNKNOWN} for an empty datagram
   */
  public static PacketKind of(byte[] buf, int off, int len) {
    if (len < 1) {
      return UNKNOWN;
    }
    int b0 = buf[off] & 0xFF;
    if (b0 <= 3) {
      return STUN;
    }
    if (b0 >= 20 && b0 <= 63) {
      return DTLS;
    }
    if (b0 >= 128 && b0 <= 191) {
      if (len < 2) {
        return UNKNOWN;
      }
      int b1 = buf[off + 1] & 0xFF;
      return b1 >= 192 && b1 <= 223 ? RTCP : RTP;
    }
    return UNKNOWN;
  }
}
