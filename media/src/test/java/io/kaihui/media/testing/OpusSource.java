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
final class OpusSource extends RtpTrackState implements AudioTrackSource {

  /** RTP clock rate of Opus, Hz (RFC 7587 §4.1). */
  static final int CLOCK_RATE = 48_000;

  /** Timestamp ticks per 20 ms packet. */
  static final int PACKET_TICKS = 960;

  /** Payload bytes per packet, tag included. */
  static final int PAYLOAD_LENGTH = 60;

  private static final int TOC_HYBRID_FB_20MS = 15 << 3;

  private final Random random;

  OpusSource(long ssrc, int payloadType, Random random) {
    super(ssrc, payloadType, random);
    this.random = random;
  }

  @Override
  public int maxPacketLength() {
    return 12 + PAYLOAD_LENGTH;
  }

  /** Writes the next packet: 20 ms of noise after a hybrid TOC byte, ending in its tag. */
  @Override
  public int next(byte[] out) {
    RtpTag.writeHeader(out, payloadType(), false, sequence(), timestamp(), ssrc());
    int end = 12 + PAYLOAD_LENGTH;
    out[12] = (byte) TOC_HYBRID_FB_20MS;
    for (int i = 13; i < end - RtpTag.LENGTH; i++) {
      out[i] = (byte) random.nextInt();
    }
    RtpTag.write(out, end - RtpTag.LENGTH, ssrc(), sequence(), timestamp());
    packetMade(PAYLOAD_LENGTH);
    frameDone(PACKET_TICKS);
    return end;
  }
}
