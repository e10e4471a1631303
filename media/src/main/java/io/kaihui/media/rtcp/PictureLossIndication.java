package io.kaihui.media.rtcp;

/**
 * A picture loss indication, PLI (RFC 4585 §6.3.1): payload-specific feedback (packet type 206, FMT
 * 1) asking the media sender for a keyframe because the receiver lost part of the picture.
 *
 * @param senderSsrc SSRC of the packet's sender, 0..2^32-1
 * @param mediaSsrc SSRC of the media source that should send a keyframe, 0..2^32-1
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {

  /** Feedback message type (FMT) of a PLI. */
  public static final int FMT = 1;

  /** Size of a PLI on the wire in bytes. */
  public static final int SIZE = 12;

  /**
   * Checks both SSRCs.
   *
   * @throws IllegalArgumentException when an SSRC is outside 0..2^32-1
   */
  public PictureLossIndication {
    FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    FieldRange.checkUnsigned32(mediaSsrc, "mediaSsrc");
  }

  /** {@inheritDoc} Always {@link #TYPE_PSFB}. */
  @Override
  public int packetType() {
    return TYPE_PSFB;
  }

  /** {@inheritDoc} Always 12. */
  @Override
  public int size() {
    return SIZE;
  }
}
