package io.kaihui.media.rtcp;

import java.util.List;

/**
 * A sender report, SR (RFC 3550 §6.4.1): what a media sender sent, stamped with wall-clock and RTP
 * time, plus reception report blocks about the sources it receives. Profile-specific extensions
 * after the report blocks are not kept.
 *
 * @param ssrc SSRC of the sender, 0..2^32-1
 * @param ntpTimestamp wall-clock time when the report was sent, a 64-bit NTP timestamp ({@link
 *     NtpTime})
 * @param rtpTimestamp the same instant in the sender's RTP clock ticks, 0..2^32-1
 * @param packetCount RTP data packets sent since starting transmission, modulo 2^32
 * @param octetCount RTP payload bytes sent since starting transmission, modulo 2^32
 * @param reports reception report blocks, at most 31
 */
public record SenderReport(
    long ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReportBlock> reports)
    implements RtcpPacket {

  /** Most report blocks one packet holds: the 5-bit report count. */
  public static final int MAX_REPORTS = 31;

  /**
   * Checks the fields and copies {@code reports}.
   *
   * @throws IllegalArgumentException when a 32-bit field is out of range or there are more than 31
   *     reports
   * @throws NullPointerException when {@code reports} or one of its entries is null
   */
  public SenderReport {
    FieldRange.checkUnsigned32(ssrc, "ssrc");
    FieldRange.checkUnsigned32(rtpTimestamp, "rtpTimestamp");
    FieldRange.checkUnsigned32(packetCount, "packetCount");
    FieldRange.checkUnsigned32(octetCount, "octetCount");
    reports = List.copyOf(reports);
    FieldRange.checkRange(reports.size(), 0, MAX_REPORTS, "number of report blocks");
  }

  /** {@inheritDoc} Always {@link #TYPE_SR}. */
  @Override
  public int packetType() {
    return TYPE_SR;
  }

  /** {@inheritDoc} 28 bytes plus 24 per report block. */
  @Override
  public int size() {
    return 28 + ReportBlock.SIZE * reports.size();
  }
}
