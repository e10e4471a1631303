package io.kaihui.media.rtcp;

/**
 * One reception report block of a sender or receiver report (RFC 3550 §6.4.1): what a receiver
 * observed about one source. Always 24 bytes on the wire.
 *
 * @param ssrc SSRC of the source reported on (SSRC_n), 0..2^32-1
 * @param fractionLost packets lost since the previous report divided by packets expected, as 8-bit
 *     fixed point with the binary point at the left (value / 256), 0..255
 * @param cumulativeLost packets expected minus packets received since reception began, a signed
 *     24-bit value, -8388608..8388607; negative when duplicates outnumber losses
 * @param extendedHighestSequence highest sequence number received, extended with the count of
 *     sequence number cycles in the high 16 bits (RFC 3550 A.1), 0..2^32-1
 * @param jitter interarrival jitter estimate in RTP timestamp units (RFC 3550 A.8), 0..2^32-1
 * @param lastSenderReport LSR: the {@linkplain NtpTime#middle32 middle 32 bits} of the NTP
 *     timestamp of the last sender report received from the source, 0 when none, 0..2^32-1
 * @param delaySinceLastSenderReport DLSR: time between receiving that sender report and sending
 *     this block, in units of 1/65536 s, 0 when none, 0..2^32-1
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {

  /** Size of a report block on the wire in bytes. */
  public static final int SIZE = 24;

  /** Smallest value of the signed 24-bit cumulative loss field. */
  public static final int MIN_CUMULATIVE_LOST = -0x80_0000;

  /** Largest value of the signed 24-bit cumulative loss field. */
  public static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;

  /**
   * Checks every field against its wire range.
   *
   * @throws IllegalArgumentException when a field is outside the range given above
   */
  public ReportBlock {
    FieldRange.checkUnsigned32(ssrc, "ssrc");
    FieldRange.checkRange(fractionLost, 0, 255, "fractionLost");
    FieldRange.checkRange(
        cumulativeLost, MIN_CUMULATIVE_LOST, MAX_CUMULATIVE_LOST, "cumulativeLost");
    FieldRange.checkUnsigned32(extendedHighestSequence, "extendedHighestSequence");
    FieldRange.checkUnsigned32(jitter, "jitter");
    FieldRange.checkUnsigned32(lastSenderReport, "lastSenderReport");
    FieldRange.checkUnsigned32(delaySinceLastSenderReport, "delaySinceLastSenderReport");
  }
}
