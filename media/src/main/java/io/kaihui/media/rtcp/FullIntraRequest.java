package io.kaihui.media.rtcp;

import java.util.List;

/**
 * A full intra request, FIR (RFC 5104 §4.3.1): payload-specific feedback (packet type 206, FMT 4)
 * commanding media senders to send a decoder refresh point (a keyframe). The "SSRC of media source"
 * field of the common feedback header is unused (RFC 5104 §4.3.1.2): the writer sets it to 0 and
 * the parser ignores it; the targets are the entries.
 *
 * @param senderSsrc SSRC of the packet's sender, 0..2^32-1
 * @param entries the requests, at least one (RFC 5104 §4.3.1.1)
 */
public record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {

  /** Feedback message type (FMT) of a FIR. */
  public static final int FMT = 4;

  /** Most entries the 16-bit length field allows: (65536 words - 3) / 2. */
  public static final int MAX_ENTRIES = 32_766;

  /**
   * Checks the fields and copies {@code entries}.
   *
   * @throws IllegalArgumentException when {@code senderSsrc} is out of range or there are no
   *     entries or more than {@link #MAX_ENTRIES}
   * @throws NullPointerException when {@code entries} or one of its entries is null
   */
  public FullIntraRequest {
    FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    entries = List.copyOf(entries);
    FieldRange.checkRange(entries.size(), 1, MAX_ENTRIES, "number of FIR entries");
  }

  /** {@inheritDoc} Always {@link #TYPE_PSFB}. */
  @Override
  public int packetType() {
    return TYPE_PSFB;
  }

  /** {@inheritDoc} 12 bytes plus 8 per entry. */
  @Override
  public int size() {
    return 12 + 8 * entries.size();
  }
}
