package io.kaihui.media.rtp;

import io.kaihui.media.rtcp.NtpTime;
import io.kaihui.media.rtcp.ReportBlock;

/**
 * Reception statistics of one incoming RTP stream (one SSRC), kept as RFC 3550 Appendix A
 * prescribes, from which the SFU builds the report blocks of its receiver reports.
 *
 * <ul>
 *   <li>Sequence numbers (A.1): a new source is on probation until {@link #MIN_SEQUENTIAL} packets
 *       in sequence arrived; packets before that are not counted. Afterwards a packet up to {@link
 *       #MAX_DROPOUT} ahead advances the highest sequence number (counting a cycle when it wraps),
 *       one up to {@link #MAX_MISORDER} behind counts as reordered or duplicate, and a larger jump
 *       is ignored unless the next packet follows it, in which case the source is taken to have
 *       restarted and the statistics start over.
 *   <li>Loss (A.3): expected = extended highest − base + 1; cumulative lost = expected − received
 *       (negative with duplicates); the fraction lost covers the interval since the previous {@link
 *       #reportBlock}.
 *   <li>Jitter (A.8): J += (|D| − J) / 16 over consecutive arrivals, in RTP timestamp units, using
 *       the integer form of A.8 (J kept scaled by 16).
 * </ul>
 *
 * <p>Times are {@link System#nanoTime()} readings (any monotonic nanosecond clock; only differences
 * matter): at 90 kHz one RTP tick is 11.1 µs, so milliseconds would add up to 90 ticks of rounding
 * noise to every jitter sample. Arrival times are converted to RTP ticks with the clock rate given
 * at construction.
 *
 * <p>Not thread-safe: like the rest of a {@code Router}, an instance belongs to one event loop
 * thread. {@link #onPacket} is on the per-packet path and allocates nothing.
 */
public final class RtpStreamReceiveStats {

  /** Largest forward sequence number jump taken as loss rather than a restart (A.1). */
  public static final int MAX_DROPOUT = 3000;

  /** Largest backward sequence number step taken as reordering or duplication (A.1). */
  public static final int MAX_MISORDER = 100;

  /** Packets in sequence needed before a new source counts as valid (A.1). */
  public static final int MIN_SEQUENTIAL = 2;

  private static final int RTP_SEQ_MOD = 1 << 16;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int clockRateHz;

  private boolean started;
  private int maxSeq;

  /** Shifted count of sequence number cycles: a multiple of 65536. */
  private long cycles;

  private int baseSeq;

  /** Last "bad" sequence number plus one; 65537 when there is none. */
  private int badSeq;

  private int probation;
  private long received;
  private long expectedPrior;
  private long receivedPrior;

  private boolean hasTransit;

  /** Relative transit time of the previous packet, in RTP ticks modulo 2^32. */
  private int transit;

  /** Jitter estimate in RTP ticks, scaled by 16 (A.8). */
  private long jitterTimes16;

  private boolean hasSenderReport;
  private long lastSenderReport;
  private long lastSenderReportArrivalNanos;

  /**
   * Creates statistics for a stream whose payload format uses the given RTP clock.
   *
   * @param clockRateHz the RTP clock rate in Hz, for example 90000 for video or 48000 for Opus
   * @throws IllegalArgumentException when {@code clockRateHz} is not positive
   */
  public RtpStreamReceiveStats(int clockRateHz) {
    if (clockRateHz <= 0) {
      throw new IllegalArgumentException("clock rate must be positive, got " + clockRateHz);
    }
    this.clockRateHz = clockRateHz;
  }

  /**
   * Records the arrival of an RTP packet of this stream (RFC 3550 A.1 {@code update_seq}, A.8).
   * Updates the jitter estimate for every packet counted as valid, reordered and duplicate ones
   * included (RFC 3550 §6.4.1: consecutive packets "in order of arrival (not necessarily in
   * sequence)").
   *
   * @param sequenceNumber the packet's sequence number; only the low 16 bits are used
   * @param rtpTimestamp the packet's RTP timestamp; only the low 32 bits are used
   * @param arrivalNanos the arrival time from {@link System#nanoTime()}
   * @return {@code true} when the packet counted as valid; {@code false} while the source is on
   *     probation and for a large jump that has not been confirmed yet
   */
  public boolean onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos) {
    int seq = sequenceNumber & 0xFFFF;
    if (!started) {
      started = true;
      initSequence(seq);
      maxSeq = (seq - 1) & 0xFFFF;
      probation = MIN_SEQUENTIAL;
    }
    if (!updateSequence(seq)) {
      return false;
    }
    updateJitter(rtpTimestamp, arrivalNanos);
    return true;
  }

  /**
   * Records a sender report from this stream's source, so that the next report blocks carry LSR and
   * DLSR (RFC 3550 §6.4.1) from which the sender computes the round-trip time.
   *
   * @param ntpTimestamp the 64-bit NTP timestamp of the sender report
   * @param arrivalNanos the arrival time from {@link System#nanoTime()}
   */
  public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
    hasSenderReport = true;
    lastSenderReport = NtpTime.middle32(ntpTimestamp);
    lastSenderReportArrivalNanos = arrivalNanos;
  }

  /**
   * Builds the report block for this stream (RFC 3550 §6.4.1, A.3) and starts a new interval for
   * the fraction lost. Before the source is {@linkplain #isValid() valid} the block reports no loss
   * and no jitter. Cumulative loss is clamped to the 24-bit field, the extended highest sequence
   * number truncated to 32 bits. LSR and DLSR are 0 until a sender report arrived.
   *
   * @param ssrc the SSRC to report on (the source's, or the one the SFU rewrote it to), 0..2^32-1
   * @param nowNanos the current time from {@link System#nanoTime()}, for DLSR
   * @return the report block
   * @throws IllegalArgumentException when {@code ssrc} is out of range
   */
  public ReportBlock reportBlock(long ssrc, long nowNanos) {
    long lastSr = hasSenderReport ? lastSenderReport : 0;
    long delay = 0;
    if (hasSenderReport && nowNanos > lastSenderReportArrivalNanos) {
      delay =
          Math.min(NtpTime.toShortFormat(nowNanos - lastSenderReportArrivalNanos), 0xFFFF_FFFFL);
    }
    if (!isValid()) {
      return new ReportBlock(ssrc, 0, 0, maxSeq, 0, lastSr, delay);
    }
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    long receivedInterval = received - receivedPrior;
    expectedPrior = expected;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    int fraction =
        expectedInterval <= 0 || lostInterval <= 0
            ? 0
            : (int) Math.min((lostInterval << 8) / expectedInterval, 255);
    int cumulative =
        Math.clamp(
            expected - received, ReportBlock.MIN_CUMULATIVE_LOST, ReportBlock.MAX_CUMULATIVE_LOST);
    return new ReportBlock(
        ssrc,
        fraction,
        cumulative,
        extendedHighestSequenceNumber() & 0xFFFF_FFFFL,
        Math.min(jitter(), 0xFFFF_FFFFL),
        lastSr,
        delay);
  }

  /**
   * Tells whether the source passed probation (RFC 3550 A.1): {@link #MIN_SEQUENTIAL} packets in
   * sequence arrived.
   *
   * @return {@code true} once packets are being counted
   */
  public boolean isValid() {
    return started && probation == 0;
  }

  /**
   * Returns the packets counted since the source became valid or last restarted, duplicates
   * included (RFC 3550 A.1 {@code received}).
   *
   * @return the packet count
   */
  public long packetsReceived() {
    return received;
  }

  /**
   * Returns the highest sequence number received, extended with the number of wraps in the bits
   * above the low 16 (RFC 3550 A.1); not truncated to 32 bits. While the source is on probation,
   * the last sequence number seen.
   *
   * @return the extended highest sequence number
   */
  public long extendedHighestSequenceNumber() {
    return cycles + maxSeq;
  }

  /**
   * Returns the packets lost since the source became valid (RFC 3550 A.3): expected minus received,
   * negative when duplicates outnumber losses; 0 before the source is valid. Not clamped to the 24
   * bits of a report block.
   *
   * @return the cumulative number of packets lost
   */
  public long cumulativeLost() {
    return isValid() ? expected() - received : 0;
  }

  /**
   * Returns the interarrival jitter estimate (RFC 3550 A.8).
   *
   * @return the jitter in RTP timestamp units (divide by the clock rate for seconds)
   */
  public long jitter() {
    return jitterTimes16 >> 4;
  }

  /**
   * Returns the RTP clock rate given at construction.
   *
   * @return the clock rate in Hz
   */
  public int clockRateHz() {
    return clockRateHz;
  }

  private long expected() {
    return cycles + maxSeq - baseSeq + 1;
  }

  // RFC 3550 A.1 init_seq
  private void initSequence(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = RTP_SEQ_MOD + 1;
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
    hasTransit = false;
  }

  // RFC 3550 A.1 update_seq
  private boolean updateSequence(int seq) {
    int delta = (seq - maxSeq) & 0xFFFF;
    if (probation > 0) {
      if (seq == ((maxSeq + 1) & 0xFFFF)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          initSequence(seq);
          received++;
          return true;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return false;
    } else if (delta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += RTP_SEQ_MOD;
      }
      maxSeq = seq;
    } else if (delta <= RTP_SEQ_MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        initSequence(seq);
      } else {
        badSeq = (seq + 1) & (RTP_SEQ_MOD - 1);
        return false;
      }
    }
    // else: a duplicate or reordered packet, counted below
    received++;
    return true;
  }

  // RFC 3550 A.8, integer form: transit and D in RTP ticks modulo 2^32.
  private void updateJitter(long rtpTimestamp, long arrivalNanos) {
    long arrivalTicks =
        Math.floorDiv(arrivalNanos, NANOS_PER_SECOND) * clockRateHz
            + Math.floorMod(arrivalNanos, NANOS_PER_SECOND) * clockRateHz / NANOS_PER_SECOND;
    int packetTransit = (int) arrivalTicks - (int) rtpTimestamp;
    if (hasTransit) {
      long d = Math.abs((long) (packetTransit - transit));
      jitterTimes16 += d - ((jitterTimes16 + 8) >> 4);
    }
    transit = packetTransit;
    hasTransit = true;
  }
}
