package io.kaihui.media.testing;

/**
 * The last {@link #LENGTH} bytes of every synthetic RTP payload: {@code 'K' 'H'}, then the
 * publisher's SSRC (4 bytes), sequence number (2) and timestamp (4), big-endian. The SFU
 * forwards payloads untouched, so a receiver reads from the tag which publisher a packet came
 * from and by how much the SFU shifted its sequence number and timestamp.
 */
final class RtpTag {

  /** Length of the tag in bytes. */
  static final int LENGTH = 12;

  private RtpTag() {}

  /** Writes the tag into {@code buf} at {@code off} ({@link #LENGTH} bytes). */
  static void write(byte[] buf, int off, long ssrc, int sequence, long timestamp) {
    buf[off] = 'K';
    buf[off + 1] = 'H';
    putInt(buf, off + 2, ssrc);
    buf[off + 6] = (byte) (sequence >>> 8);
    buf[off + 7] = (byte) sequence;
    putInt(buf, off + 8, timestamp);
  }

  /** Whether a payload of {@code payloadLen} bytes from {@code payloadOff} ends with a tag. */
  static boolean isPresent(byte[] buf, int payloadOff, int payloadLen) {
    int at = payloadOff + payloadLen - LENGTH;
    return payloadLen >= LENGTH && buf[at] == 'K' && buf[at + 1] == 'H';
  }

  /** The publisher's SSRC from the tag ending at {@code payloadEnd}. */
  static long ssrc(byte[] buf, int payloadEnd) {
    return getInt(buf, payloadEnd - LENGTH + 2);
  }

  /** The publisher's sequence number from the tag ending at {@code payloadEnd}. */
  static int sequence(byte[] buf, int payloadEnd) {
    int at = payloadEnd - LENGTH + 6;
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  /** The publisher's timestamp from the tag ending at {@code payloadEnd}. */
  static long timestamp(byte[] buf, int payloadEnd) {
    return getInt(buf, payloadEnd - LENGTH + 8);
  }

  /**
   * Writes a fixed 12-byte RTP header (RFC 3550 §5.1): version 2, no padding, extension or
   * CSRCs.
   */
  static void writeHeader(byte[] buf, int payloadType, boolean marker, int sequence,
      long timestamp, long ssrc) {
    buf[0] = (byte) 0x80;
    buf[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
    buf[2] = (byte) (sequence >>> 8);
    buf[3] = (byte) sequence;
    putInt(buf, 4, timestamp);
    putInt(buf, 8, ssrc);
  }

  private static void putInt(byte[] buf, int off, long v) {
    buf[off] = (byte) (v >>> 24);
    buf[off + 1] = (byte) (v >>> 16);
    buf[off + 2] = (byte) (v >>> 8);
    buf[off + 3] = (byte) v;
  }

  private static long getInt(byte[] buf, int off) {
    return ((buf[off] & 0xFFL) << 24) | ((buf[off + 1] & 0xFFL) << 16)
        | ((buf[off + 2] & 0xFFL) << 8) | (buf[off + 3] & 0xFFL);
  }
}
