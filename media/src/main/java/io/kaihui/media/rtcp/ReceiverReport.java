package io.kaihui.media.rtcp;

import java.util.List;

/**
 * A receiver report, RR (RFC 3550 §6.4.2): reception report blocks from a participant that sent no
 * media since the last report. Profile-specific extensions after the report blocks are not kept.
 *
 * @param ssrc SSRC of the packet's sender, 0..2^32-1
 * @param reports reception report blocks, at most 31
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

  /** Most report blocks one packet holds: the 5-bit report count. */
  public static final int MAX_REPORTS = 31;

  /**
   * Checks the fields and copies {@code reports}.
   *
   * @throws IllegalArgumentException when {@code ssrc} is out of range or there are more than 31
   *     reports
   * @throws NullPointerException when {@code reports} or one of its entries is null
   */
  public ReceiverReport {
    FieldRange.checkUnsigned32(ssrc, "ssrc");
    reports = List.copyOf(reports);
    FieldRange.checkRange(reports.size(), 0, MAX_REPORTS, "number of report blocks");
  }

  /** {@inheritDoc} Always {@link #TYPE_RR}. */
  @Override
  public int packetType() {
    return TYPE_RR;
  }

  /** {@inheritDoc} 8 bytes plus 24 per report block. */
  @Override
  public int size() {
    return 8 + ReportBlock.SIZE * reports.size();
  }
}
