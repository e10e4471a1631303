package io.kaihui.media.rtp;

/**
 * Zero-allocation accessors for one RTP packet held in a byte array (RFC 3550 §5.1), with header
 * extensions (RFC 8285) and the client-to-mixer audio level (RFC 6464).
 *
 * <p>No instances: every method is static and takes the array, the offset of the packet's first
 * byte ({@code off}) and, where the answer depends on it, the packet's length in bytes ({@code
 * len}). The forwarding path calls these for every packet, so nothing here allocates, boxes or
 * logs.
 *
 * <p>Check a packet with {@link #isRtp} first. The fixed-header accessors ({@link #version}, {@link
 * #sequenceNumber}, ...) read the first 12 bytes without further checks and are defined only for
 * packets that {@code isRtp} accepted; so are the setters. The length-dependent methods ({@link
 * #headerLength}, {@link #payloadLength}, {@link #findExtension}, ...) check every read against
 * {@code len} and answer {@code -1} when the structure does not fit; they never read past {@code
 * off + len}. All methods assume that {@code off} and {@code len} describe bytes inside {@code
 * buf}; {@link #isRtp} returns {@code false} when they do not.
 *
 * <p>The packet must be decrypted: with SRTP the padding count at the end is hidden behind the
 * authentication tag. (To tell RTP from RTCP before decryption, {@link #isRtcp} looks at the header
 * only, which SRTP and SRTCP leave in the clear.)
 */
public final class RtpPacket {

  /** Length of the fixed RTP header in bytes, without CSRCs (RFC 3550 §5.1). */
  public static final int FIXED_HEADER_LENGTH = 12;

  /** "Defined by profile" value of the one-byte header extension form (RFC 8285 §4.2). */
  public static final int ONE_BYTE_EXTENSION_PROFILE = 0xBEDE;

  /**
   * "Defined by profile" value of the two-byte header extension form with its four low "appbits"
   * cleared (RFC 8285 §4.3): the profile field matches when {@code (profile & 0xFFF0) ==
   * TWO_BYTE_EXTENSION_PROFILE}.
   */
  public static final int TWO_BYTE_EXTENSION_PROFILE = 0x1000;

  /** Largest packet-relative offset {@link #findExtension} can encode. */
  private static final int MAX_ENCODED_OFFSET = 0x7FFF;

  private RtpPacket() {}

  /**
   * Tells whether the bytes hold a well-formed RTP packet (RFC 3550 §5.1): version 2, at least 12
   * bytes, the CSRC list and the header extension (when X is set) inside {@code len}, and, when P
   * is set, a padding count of at least 1 that fits after the header. Also returns {@code false}
   * when the second byte is 192..223, because with RTP and RTCP multiplexed on one port those
   * values mark RTCP (RFC 5761 §4); so {@code isRtp} and {@link #isRtcp} never both hold.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte in {@code buf}
   * @param len length of the packet in bytes
   * @return {@code true} when every accessor of this class may be used on the packet
   */
  public static boolean isRtp(byte[] buf, int off, int len) {
    if (buf == null || off < 0 || len < FIXED_HEADER_LENGTH || off > buf.length - len) {
      return false;
    }
    if ((buf[off] & 0xC0) != 0x80) {
      return false;
    }
    int secondByte = buf[off + 1] & 0xFF;
    if (secondByte >= 192 && secondByte <= 223) {
      return false;
    }
    int headerLength = headerLength(buf, off, len);
    if (headerLength < 0) {
      return false;
    }
    if ((buf[off] & 0x20) != 0) {
      int padding = buf[off + len - 1] & 0xFF;
      return padding != 0 && headerLength + padding <= len;
    }
    return true;
  }

  /**
   * Tells whether the bytes start like an RTCP packet multiplexed with RTP (RFC 5761 §4): version
   * 2, at least 8 bytes (the common header and the sender SSRC, which SRTCP leaves in the clear),
   * and a second byte (the RTCP packet type) of 192..223. Looks at the header only, so it works on
   * encrypted SRTCP too; {@code RtcpParser} validates the rest.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte in {@code buf}
   * @param len length of the packet in bytes
   * @return {@code true} when the packet is to be handled as RTCP
   */
  public static boolean isRtcp(byte[] buf, int off, int len) {
    if (buf == null || off < 0 || len < 8 || off > buf.length - len) {
      return false;
    }
    int secondByte = buf[off + 1] & 0xFF;
    return (buf[off] & 0xC0) == 0x80 && secondByte >= 192 && secondByte <= 223;
  }

  /**
   * Returns the version field V (RFC 3550 §5.1): 2 for any packet {@link #isRtp} accepted.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the version, 0..3
   */
  public static int version(byte[] buf, int off) {
    return (buf[off] & 0xFF) >>> 6;
  }

  /**
   * Returns the padding bit P (RFC 3550 §5.1): whether padding octets end the packet.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return {@code true} when P is set
   */
  public static boolean padding(byte[] buf, int off) {
    return (buf[off] & 0x20) != 0;
  }

  /**
   * Returns the extension bit X (RFC 3550 §5.3.1): whether a header extension follows the CSRC
   * list.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return {@code true} when X is set
   */
  public static boolean hasExtension(byte[] buf, int off) {
    return (buf[off] & 0x10) != 0;
  }

  /**
   * Returns the CSRC count CC (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the number of CSRC identifiers, 0..15
   */
  public static int csrcCount(byte[] buf, int off) {
    return buf[off] & 0x0F;
  }

  /**
   * Returns the marker bit M (RFC 3550 §5.1); for video the last packet of a frame.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return {@code true} when M is set
   */
  public static boolean marker(byte[] buf, int off) {
    return (buf[off + 1] & 0x80) != 0;
  }

  /**
   * Returns the payload type PT (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the payload type, 0..127
   */
  public static int payloadType(byte[] buf, int off) {
    return buf[off + 1] & 0x7F;
  }

  /**
   * Returns the sequence number (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the sequence number, 0..65535
   */
  public static int sequenceNumber(byte[] buf, int off) {
    return readUint16(buf, off + 2);
  }

  /**
   * Returns the RTP timestamp (RFC 3550 §5.1), in ticks of the payload format's clock (for example
   * 90 kHz for video, 48 kHz for Opus).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the timestamp as an unsigned 32-bit value, 0..2^32-1
   */
  public static long timestamp(byte[] buf, int off) {
    return readUint32(buf, off + 4);
  }

  /**
   * Returns the synchronization source identifier SSRC (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @return the SSRC as an unsigned 32-bit value, 0..2^32-1
   */
  public static long ssrc(byte[] buf, int off) {
    return readUint32(buf, off + 8);
  }

  /**
   * Returns the header length: the fixed header, the CSRC list and, when X is set, the extension
   * header and data (RFC 3550 §5.1, §5.3.1). Does not check the version.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @return the header length in bytes, or -1 when the header does not fit in {@code len}
   */
  public static int headerLength(byte[] buf, int off, int len) {
    if (len < FIXED_HEADER_LENGTH) {
      return -1;
    }
    int length = FIXED_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
    if (length > len) {
      return -1;
    }
    if ((buf[off] & 0x10) != 0) {
      if (length + 4 > len) {
        return -1;
      }
      length += 4 + 4 * readUint16(buf, off + length + 2);
      if (length > len) {
        return -1;
      }
    }
    return length;
  }

  /**
   * Returns the number of padding octets at the end of the packet, including the count octet itself
   * (RFC 3550 §5.1), or 0 when P is not set.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @return the padding length in bytes, 0..255
   */
  public static int paddingLength(byte[] buf, int off, int len) {
    if (len < 1 || (buf[off] & 0x20) == 0) {
      return 0;
    }
    return buf[off + len - 1] & 0xFF;
  }

  /**
   * Returns the index in {@code buf} of the payload's first byte: {@code off} plus the {@linkplain
   * #headerLength header length}.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @return the payload's index in {@code buf} (not relative to {@code off}), or -1 when the header
   *     does not fit in {@code len}
   */
  public static int payloadOffset(byte[] buf, int off, int len) {
    int headerLength = headerLength(buf, off, len);
    return headerLength < 0 ? -1 : off + headerLength;
  }

  /**
   * Returns the payload length: the packet without its header and padding (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @return the payload length in bytes, or -1 when header and padding do not fit in {@code len}
   */
  public static int payloadLength(byte[] buf, int off, int len) {
    int headerLength = headerLength(buf, off, len);
    if (headerLength < 0) {
      return -1;
    }
    int payloadLength = len - headerLength - paddingLength(buf, off, len);
    return payloadLength < 0 ? -1 : payloadLength;
  }

  /**
   * Finds the header extension element with the given local identifier (RFC 8285), in the one-byte
   * form (profile 0xBEDE, §4.2, identifiers 1..14) or the two-byte form (profile 0x100X, §4.3,
   * identifiers 1..255). Padding octets (identifier 0) are skipped; in the one-byte form an element
   * with identifier 15 ends the search (§4.2). An element that runs past the extension data ends
   * the search too.
   *
   * <p>The answer packs the element's data offset and length into one {@code int} so that the
   * lookup allocates nothing: decode it with {@link #extensionOffset} and {@link #extensionLength}.
   * The offset is relative to the packet's first byte, so the data starts at {@code buf[off +
   * extensionOffset(found)]}.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @param id the local identifier negotiated with {@code a=extmap}, 1..255
   * @return {@code (offset << 16) | length}, a non-negative value, with offset relative to {@code
   *     off} and length in bytes (1..16 in the one-byte form, 0..255 in the two-byte form); or -1
   *     when the packet has no such element, {@code id} is out of range for the packet's form, the
   *     extension is malformed or the offset exceeds 32767
   */
  public static int findExtension(byte[] buf, int off, int len, int id) {
    if (id < 1 || id > 255 || len < FIXED_HEADER_LENGTH || (buf[off] & 0x10) == 0) {
      return -1;
    }
    int extensionStart = FIXED_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
    if (extensionStart + 4 > len) {
      return -1;
    }
    int profile = readUint16(buf, off + extensionStart);
    int dataStart = extensionStart + 4;
    int dataEnd = dataStart + 4 * readUint16(buf, off + extensionStart + 2);
    if (dataEnd > len) {
      return -1;
    }
    if (profile == ONE_BYTE_EXTENSION_PROFILE) {
      return id <= 14 ? findOneByteElement(buf, off, dataStart, dataEnd, id) : -1;
    }
    if ((profile & 0xFFF0) == TWO_BYTE_EXTENSION_PROFILE) {
      return findTwoByteElement(buf, off, dataStart, dataEnd, id);
    }
    return -1;
  }

  /**
   * Decodes the data offset from a non-negative {@link #findExtension} answer.
   *
   * @param found a non-negative value returned by {@link #findExtension}
   * @return the offset of the element's data, relative to the packet's first byte
   */
  public static int extensionOffset(int found) {
    return found >>> 16;
  }

  /**
   * Decodes the data length from a non-negative {@link #findExtension} answer.
   *
   * @param found a non-negative value returned by {@link #findExtension}
   * @return the length of the element's data in bytes, 0..255
   */
  public static int extensionLength(int found) {
    return found & 0xFFFF;
  }

  /**
   * Returns the audio level the sender measured for this packet (RFC 6464 §3), carried in the
   * header extension {@code urn:ietf:params:rtp-hdrext:ssrc-audio-level} under the given
   * identifier.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @param extensionId the identifier negotiated for the audio level extension, 1..255
   * @return the level in -dBov, 0 (loudest) to 127 (silence), or -1 when the packet carries no such
   *     element
   */
  public static int audioLevel(byte[] buf, int off, int len, int extensionId) {
    int found = findExtension(buf, off, len, extensionId);
    if (found < 0 || extensionLength(found) < 1) {
      return -1;
    }
    return buf[off + extensionOffset(found)] & 0x7F;
  }

  /**
   * Returns the voice activity flag V of the audio level element (RFC 6464 §3): whether the
   * sender's voice activity detector heard speech in this packet.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @param extensionId the identifier negotiated for the audio level extension, 1..255
   * @return {@code true} when V is set; {@code false} when it is clear or the packet carries no
   *     such element
   */
  public static boolean voiceActivity(byte[] buf, int off, int len, int extensionId) {
    int found = findExtension(buf, off, len, extensionId);
    if (found < 0 || extensionLength(found) < 1) {
      return false;
    }
    return (buf[off + extensionOffset(found)] & 0x80) != 0;
  }

  /**
   * Returns the transport-wide sequence number of the packet
   * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): the first two bytes, big-endian, of
   * the header extension element {@code
   * http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01} under the given
   * identifier. One sequence counts all packets a sender sends on the transport, whatever their
   * SSRC. (A longer element also carries a feedback request, version 2 of the extension, which is
   * not read here.)
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param len length of the packet in bytes
   * @param extensionId the identifier negotiated for the extension, 1..255
   * @return the sequence number, 0..65535, or -1 when the packet carries no such element or one
   *     shorter than two bytes
   */
  public static int transportSequenceNumber(byte[] buf, int off, int len, int extensionId) {
    int found = findExtension(buf, off, len, extensionId);
    if (found < 0 || extensionLength(found) < 2) {
      return -1;
    }
    return readUint16(buf, off + extensionOffset(found));
  }

  /**
   * Writes the SSRC (RFC 3550 §5.1); a {@code Consumer} rewrites it to its own.
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param ssrc the new SSRC; only its low 32 bits are written
   */
  public static void setSsrc(byte[] buf, int off, long ssrc) {
    writeUint32(buf, off + 8, ssrc);
  }

  /**
   * Writes the sequence number (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param sequenceNumber the new sequence number; only its low 16 bits are written
   */
  public static void setSequenceNumber(byte[] buf, int off, int sequenceNumber) {
    buf[off + 2] = (byte) (sequenceNumber >>> 8);
    buf[off + 3] = (byte) sequenceNumber;
  }

  /**
   * Writes the RTP timestamp (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param timestamp the new timestamp in clock ticks; only its low 32 bits are written
   */
  public static void setTimestamp(byte[] buf, int off, long timestamp) {
    writeUint32(buf, off + 4, timestamp);
  }

  /**
   * Writes the payload type, keeping the marker bit (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param payloadType the new payload type; only its low 7 bits are written
   */
  public static void setPayloadType(byte[] buf, int off, int payloadType) {
    buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
  }

  /**
   * Writes the marker bit, keeping the payload type (RFC 3550 §5.1).
   *
   * @param buf the array holding the packet
   * @param off index of the packet's first byte
   * @param marker the new marker bit
   */
  public static void setMarker(byte[] buf, int off, boolean marker) {
    buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
  }

  // RFC 8285 §4.2: ID (4 bits) and L (4 bits, data length minus one), then L+1 data bytes.
  private static int findOneByteElement(byte[] buf, int off, int start, int end, int id) {
    int position = start;
    while (position < end) {
      int first = buf[off + position] & 0xFF;
      int elementId = first >>> 4;
      if (elementId == 0) {
        position++;
        continue;
      }
      if (elementId == 15) {
        return -1;
      }
      int dataOffset = position + 1;
      int dataLength = (first & 0x0F) + 1;
      if (dataOffset + dataLength > end) {
        return -1;
      }
      if (elementId == id) {
        return encode(dataOffset, dataLength);
      }
      position = dataOffset + dataLength;
    }
    return -1;
  }

  // RFC 8285 §4.3: ID (8 bits) and length (8 bits), then that many data bytes.
  private static int findTwoByteElement(byte[] buf, int off, int start, int end, int id) {
    int position = start;
    while (position < end) {
      int elementId = buf[off + position] & 0xFF;
      if (elementId == 0) {
        position++;
        continue;
      }
      if (position + 2 > end) {
        return -1;
      }
      int dataOffset = position + 2;
      int dataLength = buf[off + position + 1] & 0xFF;
      if (dataOffset + dataLength > end) {
        return -1;
      }
      if (elementId == id) {
        return encode(dataOffset, dataLength);
      }
      position = dataOffset + dataLength;
    }
    return -1;
  }

  private static int encode(int offset, int length) {
    return offset > MAX_ENCODED_OFFSET ? -1 : (offset << 16) | length;
  }

  private static int readUint16(byte[] buf, int index) {
    return (buf[index] & 0xFF) << 8 | (buf[index + 1] & 0xFF);
  }

  private static long readUint32(byte[] buf, int index) {
    return ((long) (buf[index] & 0xFF) << 24)
        | (buf[index + 1] & 0xFF) << 16
        | (buf[index + 2] & 0xFF) << 8
        | (buf[index + 3] & 0xFF);
  }

  private static void writeUint32(byte[] buf, int index, long value) {
    buf[index] = (byte) (value >>> 24);
    buf[index + 1] = (byte) (value >>> 16);
    buf[index + 2] = (byte) (value >>> 8);
    buf[index + 3] = (byte) value;
  }
}
