package io.kaihui.media.rtp;

/**
 * Zero-allocation reader of the VP8 payload descriptor that starts every VP8 RTP payload (RFC 7741
 * §4.2), and of the keyframe flag in the VP8 payload header behind it (RFC 7741 §4.3).
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (required)
 *      +-+-+-+-+-+-+-+-+
 *   X: |I|L|T|K| RSV   | (optional)
 *      +-+-+-+-+-+-+-+-+
 *   I: |M| PictureID   | (optional; a second PictureID byte when M is set)
 *      +-+-+-+-+-+-+-+-+
 *   L: |   TL0PICIDX   | (optional)
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  | (optional)
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>No instances. Every method takes the array holding the RTP payload, the index of the payload's
 * first byte ({@code payloadOff}, as returned by {@link RtpPacket#payloadOffset}) and the payload
 * length ({@link RtpPacket#payloadLength}). Truncated or malformed payloads never make these
 * methods throw: they answer {@code false} or -1.
 */
public final class Vp8PayloadDescriptor {

  private Vp8PayloadDescriptor() {}

  /**
   * Returns the length of the payload descriptor (RFC 7741 §4.2): 1 byte, plus the extension byte
   * and the optional PictureID (1 or 2 bytes), TL0PICIDX and TID/KEYIDX bytes it announces.
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return the descriptor length in bytes, 1..6, or -1 when the descriptor does not fit in {@code
   *     payloadLen}
   */
  public static int descriptorLength(byte[] buf, int payloadOff, int payloadLen) {
    if (payloadLen < 1) {
      return -1;
    }
    if ((buf[payloadOff] & 0x80) == 0) {
      return 1;
    }
    if (payloadLen < 2) {
      return -1;
    }
    int extension = buf[payloadOff + 1];
    int length = 2;
    if ((extension & 0x80) != 0) {
      if (payloadLen < 3) {
        return -1;
      }
      length += (buf[payloadOff + 2] & 0x80) != 0 ? 2 : 1;
    }
    if ((extension & 0x40) != 0) {
      length++;
    }
    if ((extension & 0x30) != 0) {
      length++;
    }
    return length <= payloadLen ? length : -1;
  }

  /**
   * Tells whether this packet starts a VP8 frame: the start bit S is set and the partition index
   * PID is 0 (RFC 7741 §4.2).
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return {@code true} for the first packet of a frame; {@code false} otherwise or when the
   *     payload is empty
   */
  public static boolean isStartOfFrame(byte[] buf, int payloadOff, int payloadLen) {
    return payloadLen >= 1 && (buf[payloadOff] & 0x17) == 0x10;
  }

  /**
   * Tells whether this packet starts a VP8 keyframe (RFC 7741 §4.3, RFC 6386 §9.1): it {@linkplain
   * #isStartOfFrame starts a frame}, the inverse keyframe bit P of the VP8 payload header is 0, and
   * the keyframe start code {@code 0x9d 0x01 0x2a} follows the 3-byte frame tag. The start code
   * check costs three comparisons and keeps a corrupted delta frame from passing for a keyframe,
   * which would make the SFU switch a subscriber's layer onto a stream it cannot decode.
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return {@code true} for the first packet of a keyframe; {@code false} otherwise or when the
   *     descriptor, frame tag or start code is truncated
   */
  public static boolean isKeyframe(byte[] buf, int payloadOff, int payloadLen) {
    if (!isStartOfFrame(buf, payloadOff, payloadLen)) {
      return false;
    }
    int descriptorLength = descriptorLength(buf, payloadOff, payloadLen);
    if (descriptorLength < 0 || payloadLen - descriptorLength < 6) {
      return false;
    }
    int header = payloadOff + descriptorLength;
    return (buf[header] & 0x01) == 0
        && (buf[header + 3] & 0xFF) == 0x9D
        && buf[header + 4] == 0x01
        && buf[header + 5] == 0x2A;
  }

  /**
   * Returns the PictureID (RFC 7741 §4.2), 7 bits or, when M is set, 15 bits.
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return the PictureID, 0..32767, or -1 when absent or truncated
   */
  public static int pictureId(byte[] buf, int payloadOff, int payloadLen) {
    if (descriptorLength(buf, payloadOff, payloadLen) < 0
        || (buf[payloadOff] & 0x80) == 0
        || (buf[payloadOff + 1] & 0x80) == 0) {
      return -1;
    }
    int first = buf[payloadOff + 2] & 0xFF;
    if ((first & 0x80) == 0) {
      return first;
    }
    return (first & 0x7F) << 8 | (buf[payloadOff + 3] & 0xFF);
  }

  /**
   * Returns TL0PICIDX, the running index of temporal base layer frames (RFC 7741 §4.2).
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return TL0PICIDX, 0..255, or -1 when absent or truncated
   */
  public static int tl0PicIdx(byte[] buf, int payloadOff, int payloadLen) {
    if (descriptorLength(buf, payloadOff, payloadLen) < 0
        || (buf[payloadOff] & 0x80) == 0
        || (buf[payloadOff + 1] & 0x40) == 0) {
      return -1;
    }
    return buf[payloadOff + 2 + pictureIdLength(buf, payloadOff)] & 0xFF;
  }

  /**
   * Returns the temporal layer index TID (RFC 7741 §4.2).
   *
   * @param buf the array holding the payload
   * @param payloadOff index of the payload's first byte in {@code buf}
   * @param payloadLen payload length in bytes
   * @return TID, 0..3, or -1 when the T bit is clear or the descriptor is truncated
   */
  public static int temporalLayerId(byte[] buf, int payloadOff, int payloadLen) {
    if (descriptorLength(buf, payloadOff, payloadLen) < 0
        || (buf[payloadOff] & 0x80) == 0
        || (buf[payloadOff + 1] & 0x20) == 0) {
      return -1;
    }
    int extension = buf[payloadOff + 1];
    int index =
        payloadOff + 2 + pictureIdLength(buf, payloadOff) + ((extension & 0x40) != 0 ? 1 : 0);
    return (buf[index] & 0xFF) >>> 6;
  }

  // Only called once descriptorLength has confirmed that the X byte and PictureID fit.
  private static int pictureIdLength(byte[] buf, int payloadOff) {
    if ((buf[payloadOff + 1] & 0x80) == 0) {
      return 0;
    }
    return (buf[payloadOff + 2] & 0x80) != 0 ? 2 : 1;
  }
}
