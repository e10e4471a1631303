package io.kaihui.bench.load;

/**
 * The last {@link #LENGTH} bytes the load generator appends to every RTP payload it sends:
 * {@code 'K' 'S'}, then the send time ({@link System#nanoTime()}, 8 bytes big-endian). An SFU
 * forwards payloads untouched, so a receiver in the same process reads how long the packet took
 * through the server: sender's send time to receiver's receive time, on one clock. The media
 * before the stamp is the real encoded frame or packet.
 */
public final class SendStamp {

  /** Length of the stamp, bytes. */
  public static final int LENGTH = 10;

  private SendStamp() {}

  /** Writes a stamp of {@code nanos} at {@code off}. */
  public static void write(byte[] buf, int off, long nanos) {
    buf[off] = 'K';
    buf[off + 1] = 'S';
    for (int i = 0; i < 8; i++) {
      buf[off + 2 + i] = (byte) (nanos >>> (56 - 8 * i));
    }
  }

  /**
   * The send time of the stamp ending at {@code end}, or {@link Long#MIN_VALUE} when the
   * payload from {@code payloadOff} does not end with one.
   */
  public static long read(byte[] buf, int payloadOff, int end) {
    int at = end - LENGTH;
    if (at < payloadOff || buf[at] != 'K' || buf[at + 1] != 'S') {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[at + 2 + i] & 0xFFL);
    }
    return v;
  }
}
