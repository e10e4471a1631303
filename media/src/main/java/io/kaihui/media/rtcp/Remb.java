package io.kaihui.media.rtcp;

import java.util.List;

/**
 * A receiver estimated maximum bitrate, REMB (draft-alvestrand-rmcat-remb-03 §2.2):
 * payload-specific feedback (packet type 206, FMT 15, application layer feedback with the
 * identifier "REMB") telling senders the total bitrate the receiver estimates it can take. The
 * "SSRC of media source" field is unused: the writer sets it to 0 and the parser ignores it.
 *
 * <p>The wire carries the bitrate as an 18-bit mantissa and a 6-bit exponent. The writer uses the
 * smallest exponent that fits, rounding the bitrate down to 18 significant bits (a relative error
 * below 2^-17), so bitrates below 2^18 bit/s and all values the parser produces survive a round
 * trip exactly. The parser saturates values a {@code long} cannot hold to {@link #MAX_BITRATE_BPS}.
 *
 * @param senderSsrc SSRC of the packet's sender, 0..2^32-1
 * @param bitrateBps the estimated maximum total bitrate in bits per second, non-negative
 * @param ssrcs the media SSRCs the estimate applies to, at most 255
 */
public record Remb(long senderSsrc, long bitrateBps, List<Long> ssrcs) implements RtcpPacket {

  /** Feedback message type (FMT) of application layer feedback, which REMB uses. */
  public static final int FMT = 15;

  /**
   * Largest bitrate the parser gives: an 18-bit mantissa of all ones with exponent 45, about 9.2 ×
   * 10^18 bit/s, the largest value both the wire format and a {@code long} can hold.
   */
  public static final long MAX_BITRATE_BPS = 0x3_FFFFL << 45;

  /** Most SSRCs one REMB holds: the 8-bit "Num SSRC" field. */
  public static final int MAX_SSRCS = 255;

  /**
   * Checks the fields and copies {@code ssrcs}.
   *
   * @throws IllegalArgumentException when an SSRC is out of range, {@code bitrateBps} is negative
   *     or there are more than 255 SSRCs
   * @throws NullPointerException when {@code ssrcs} or one of its entries is null
   */
  public Remb {
    FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    if (bitrateBps < 0) {
      throw new IllegalArgumentException("bitrateBps must not be negative, got " + bitrateBps);
    }
    ssrcs = FieldRange.checkSsrcs(ssrcs, MAX_SSRCS, "REMB");
  }

  /** {@inheritDoc} Always {@link #TYPE_PSFB}. */
  @Override
  public int packetType() {
    return TYPE_PSFB;
  }

  /** {@inheritDoc} 20 bytes plus 4 per SSRC. */
  @Override
  public int size() {
    return 20 + 4 * ssrcs.size();
  }
}
