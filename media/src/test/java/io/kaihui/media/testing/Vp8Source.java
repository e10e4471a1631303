package io.kaihui.media.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A VP8 video track (RFC 7741): frames at a fixed rate on the 90 kHz clock, every packet of a
 * frame with the frame's timestamp and the marker bit on its last packet (RFC 7741 §4.1).
 *
 * <p>Each payload starts with a 4-byte payload descriptor (RFC 7741 §4.2): X set, S on the
 * first packet of a frame, partition index 0, then I with a 15-bit PictureID (M set) that grows
 * by one per frame. The first packet of a frame then carries the VP8 payload header (RFC 7741
 * §4.3, RFC 6386 §9.1): a 3-byte frame tag whose P bit is 0 for a keyframe and 1 for an
 * interframe, and for a keyframe the start code {@code 9d 01 2a} with width 640 and height 480.
 * A keyframe takes 3 packets, an interframe 1. Every payload ends in an {@link RtpTag}.
 *
 * <p>Not thread-safe: one thread makes the frames.
 */
final class Vp8Source extends Vp8TrackState implements VideoTrackSource {

  /** RTP clock rate of VP8, Hz (RFC 7741 §6.1). */
  static final int CLOCK_RATE = 90_000;

  private static final int KEYFRAME_PACKETS = 3;
  private static final int KEYFRAME_PAYLOAD = 900;
  private static final int INTERFRAME_PAYLOAD = 300;

  private final int ticksPerFrame;
  private final Random random;

  Vp8Source(long ssrc, int payloadType, int framesPerSecond, Random random) {
    super(ssrc, payloadType, random);
    this.ticksPerFrame = CLOCK_RATE / framesPerSecond;
    this.random = random;
  }

  /**
   * Makes the packets of the next frame.
   *
   * @param keyframe a keyframe (intra frame) rather than an interframe
   * @return the RTP packets, in order
   */
  @Override
  public List<byte[]> nextFrame(boolean keyframe) {
    int count = keyframe ? KEYFRAME_PACKETS : 1;
    int payloadLength = keyframe ? KEYFRAME_PAYLOAD : INTERFRAME_PAYLOAD;
    List<byte[]> packets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] p = new byte[12 + payloadLength];
      RtpTag.writeHeader(p, payloadType(), i == count - 1, sequence(), timestamp(), ssrc());
      int d = 12;
      writeDescriptor(p, d, i == 0);
      int at = d + DESCRIPTOR_LENGTH;
      if (i == 0) {
        at = writePayloadHeader(p, at, keyframe);
      }
      int end = p.length - RtpTag.LENGTH;
      for (; at < end; at++) {
        p[at] = (byte) random.nextInt();
      }
      RtpTag.write(p, end, ssrc(), sequence(), timestamp());
      packets.add(p);
      packetMade(payloadLength);
    }
    vp8FrameDone(ticksPerFrame, keyframe);
    return packets;
  }

  /** RFC 6386 §9.1: frame tag (P, version 0, show_frame, first partition size), start code. */
  private static int writePayloadHeader(byte[] p, int at, boolean keyframe) {
    int firstPartitionSize = 120;
    p[at] = (byte) ((keyframe ? 0 : 1) | 0x10 | ((firstPartitionSize & 0x7) << 5));
    p[at + 1] = (byte) (firstPartitionSize >>> 3);
    p[at + 2] = (byte) (firstPartitionSize >>> 11);
    if (!keyframe) {
      return at + 3;
    }
    p[at + 3] = (byte) 0x9D;
    p[at + 4] = 0x01;
    p[at + 5] = 0x2A;
    p[at + 6] = (byte) (640 & 0xFF);
    p[at + 7] = (byte) (640 >>> 8);
    p[at + 8] = (byte) (480 & 0xFF);
    p[at + 9] = (byte) (480 >>> 8);
    return at + 10;
  }
}
