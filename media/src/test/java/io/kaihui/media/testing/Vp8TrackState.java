package io.kaihui.media.testing;

import java.util.Random;

/**
 * What a VP8 track source keeps beyond {@link RtpTrackState}: the 15-bit PictureID, one more per
 * frame, and the keyframes sent; and how it writes the 4-byte payload descriptor of RFC 7741
 * §4.2 (X set; S on a frame's first packet; partition 0; I with the PictureID, M set).
 */
public abstract class Vp8TrackState extends RtpTrackState {

  /** Length of the payload descriptor {@link #writeDescriptor} writes, bytes. */
  public static final int DESCRIPTOR_LENGTH = 4;

  private int pictureId;
  private long keyframesSent;

  /**
   * @param ssrc the track's SSRC
   * @param payloadType its payload type
   * @param random for the first sequence number, timestamp and PictureID
   */
  protected Vp8TrackState(long ssrc, int payloadType, Random random) {
    super(ssrc, payloadType, random);
    this.pictureId = random.nextInt(0x8000);
  }

  /** Writes the payload descriptor of the current frame at {@code at}. */
  protected final void writeDescriptor(byte[] p, int at, boolean firstPacketOfFrame) {
    p[at] = (byte) (0x80 | (firstPacketOfFrame ? 0x10 : 0));
    p[at + 1] = (byte) 0x80;
    p[at + 2] = (byte) (0x80 | (pictureId >>> 8));
    p[at + 3] = (byte) pictureId;
  }

  /** Ends a frame: the next is {@code ticks} later and has the next PictureID. */
  protected final void vp8FrameDone(long ticks, boolean keyframe) {
    if (keyframe) {
      keyframesSent++;
    }
    frameDone(ticks);
    pictureId = (pictureId + 1) & 0x7FFF;
  }

  /** Keyframes made so far. */
  public final long keyframesSent() {
    return keyframesSent;
  }
}
