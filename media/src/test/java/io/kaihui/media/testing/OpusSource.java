package io.kaihui.media.testing;

import java.util.Random;

/**
 * An Opus-like audio track (RFC 7587): one RTP packet per 20 ms frame, the timestamp advancing
 * 960 ticks of the 48 kHz clock, a TOC byte for a 20 ms full-band hybrid frame (configuration
 * 15, mono, one frame) and noise, ending in an {@link RtpTag}. Sequence number and timestamp
 * start at random values (RFC 3550 §5.1).
 *
 * <p>Not thread-safe: one thread makes the packets.
 */
final class OpusSource {

  /** RTP clock rate of Opus, Hz (RFC 7587 §4.1). */
  static final int CLOCK_RATE = 48_000;

  /** Timestamp ticks per 20 ms packet. */
  static final int PACKET_TICKS = 960;

  /** Payload bytes per packet, tag included. */
  static final int PAYLOAD_LENGTH = 60;

  private static final int TOC_HYBRID_FB_20MS = 15 << 3;

  private final long ssrc;
  private final int payloadType;
  private final Random random;
  private int sequence;
  private long timestamp;
  private long lastTimestamp;
  private long packetsSent;
  private long octetsSent;

  OpusSource(long ssrc, int payloadType, Random random) {
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.random = random;
    this.sequence = random.nextInt(0x10000);
    this.timestamp = random.nextInt() & 0xFFFFFFFFL;
  }

  /**
   * Writes the next packet.
   *
   * @param out room for at least {@code 12 + PAYLOAD_LENGTH} bytes
   * @return the packet's length in bytes
   */
  int next(byte[] out) {
    RtpTag.writeHeader(out, payloadType, false, sequence, timestamp, ssrc);
    int end = 12 + PAYLOAD_LENGTH;
    out[12] = (byte) TOC_HYBRID_FB_20MS;
    for (int i = 13; i < end - RtpTag.LENGTH; i++) {
      out[i] = (byte) random.nextInt();
    }
    RtpTag.write(out, end - RtpTag.LENGTH, ssrc, sequence, timestamp);
    lastTimestamp = timestamp;
    sequence = (sequence + 1) & 0xFFFF;
    timestamp = (timestamp + PACKET_TICKS) & 0xFFFFFFFFL;
    packetsSent++;
    octetsSent += PAYLOAD_LENGTH;
    return end;
  }

  /** The SSRC. */
  long ssrc() {
    return ssrc;
  }

  /** The timestamp of the last packet made. */
  long lastTimestamp() {
    return lastTimestamp;
  }

  /** The sequence number of the last packet made. */
  int lastSequence() {
    return (sequence - 1) & 0xFFFF;
  }

  /** Packets made so far. */
  long packetsSent() {
    return packetsSent;
  }

  /** Payload bytes made so far. */
  long octetsSent() {
    return octetsSent;
  }
}
