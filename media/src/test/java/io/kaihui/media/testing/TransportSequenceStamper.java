package io.kaihui.media.testing;

/**
 * The sending side of transport-wide congestion control as Chromium does it
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): every RTP packet leaving a
 * PeerConnection gets the next number of one 16-bit sequence shared by all its SSRCs, in a
 * one-byte header extension (RFC 8285 §4.2), and the send time of each number is kept to compare
 * with the feedback.
 *
 * <p>Thread-safe.
 */
final class TransportSequenceStamper {

  private final long[] sendNanos = new long[65536];
  private int extensionId;
  private int next;
  private long stamped;

  /**
   * Starts (or stops) stamping.
   *
   * @param extensionId the negotiated id, 1..14; 0 to stop
   * @param firstSequenceNumber the number of the next packet, 0..65535
   * @throws IllegalArgumentException if the id does not fit the one-byte form
   */
  synchronized void start(int extensionId, int firstSequenceNumber) {
    if (extensionId < 0 || extensionId > 14) {
      throw new IllegalArgumentException("one-byte header extension id " + extensionId);
    }
    this.extensionId = extensionId;
    this.next = firstSequenceNumber & 0xFFFF;
  }

  /**
   * Copies a packet to {@code out} with the next transport-wide sequence number added (RFC 8285
   * §4.2: 0xBEDE, one word: id and length 1, the number, a padding octet), and notes the send
   * time; when not stamping, copies it unchanged.
   *
   * @param packet a packet without CSRCs and without header extension
   * @param out room for {@code len + 8} bytes from index 0
   * @return the length written to {@code out}
   * @throws IllegalArgumentException if the packet has CSRCs or an extension
   */
  synchronized int copy(byte[] packet, int off, int len, byte[] out) {
    if (extensionId == 0) {
      System.arraycopy(packet, off, out, 0, len);
      return len;
    }
    if ((packet[off] & 0x1F) != 0) {
      throw new IllegalArgumentException("packet already has CSRCs or an extension");
    }
    int seq = next;
    next = (seq + 1) & 0xFFFF;
    System.arraycopy(packet, off, out, 0, 12);
    out[0] |= 0x10;
    out[12] = (byte) 0xBE;
    out[13] = (byte) 0xDE;
    out[14] = 0;
    out[15] = 1;
    out[16] = (byte) (extensionId << 4 | 1);
    out[17] = (byte) (seq >>> 8);
    out[18] = (byte) seq;
    out[19] = 0;
    System.arraycopy(packet, off + 12, out, 20, len - 12);
    sendNanos[seq] = System.nanoTime();
    stamped++;
    return len + 8;
  }

  /** Packets stamped so far. */
  synchronized long stamped() {
    return stamped;
  }

  /** The number the next packet gets. */
  synchronized int next() {
    return next;
  }

  /** When the last packet with this number was stamped (System.nanoTime). */
  synchronized long sendNanos(int sequenceNumber) {
    return sendNanos[sequenceNumber & 0xFFFF];
  }
}
