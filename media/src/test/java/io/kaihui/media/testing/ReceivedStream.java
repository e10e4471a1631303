package io.kaihui.media.testing;

import io.kaihui.media.rtcp.NtpTime;
import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtcp.SenderReport;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.rtp.Vp8PayloadDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a synthetic PeerConnection received on one SSRC after SRTP decryption: packet count,
 * sequence-number continuity, payload types, whether the stream began on a VP8 keyframe, and —
 * from the {@link RtpTag} at the end of each payload — which publisher's packets these were and
 * by how much the SFU shifted sequence numbers and timestamps. Also the sender reports received
 * for this SSRC.
 *
 * <p>Thread-safe: written by the receive thread, read by tests.
 */
public final class ReceivedStream {

  /**
   * A sender report for this SSRC and the state of the stream when it arrived.
   *
   * @param report the report
   * @param packetsBefore RTP packets of this SSRC received before it
   * @param lastTimestampBefore the RTP timestamp of the last packet received before it
   * @param arrivalNanos when it arrived ({@link System#nanoTime()})
   */
  public record SenderReportArrival(SenderReport report, long packetsBefore,
      long lastTimestampBefore, long arrivalNanos) {}

  private final long ssrc;
  private long packets;
  private int firstSequence = -1;
  private int lastSequence;
  private long cycles;
  private long firstTimestamp;
  private long lastTimestamp;
  private long sequenceGaps;
  private boolean firstPacketStartsKeyframe;
  private long keyframes;
  private long untagged;
  private long firstArrivalNanos;
  private long lastArrivalNanos;
  private final Set<Integer> payloadTypes = new LinkedHashSet<>();
  private final Set<Long> originSsrcs = new LinkedHashSet<>();
  private final Set<Integer> sequenceOffsets = new LinkedHashSet<>();
  private final Set<Long> timestampOffsets = new LinkedHashSet<>();
  private final List<SenderReportArrival> senderReports = new ArrayList<>();
  private long lastSenderReportMiddle32;
  private long lastSenderReportNanos;

  ReceivedStream(long ssrc) {
    this.ssrc = ssrc;
  }

  /** Records one decrypted RTP packet of this SSRC. */
  synchronized void onPacket(byte[] buf, int off, int len, long nowNanos) {
    int seq = RtpPacket.sequenceNumber(buf, off);
    long ts = RtpPacket.timestamp(buf, off);
    int payloadOff = RtpPacket.payloadOffset(buf, off, len);
    int payloadLen = RtpPacket.payloadLength(buf, off, len);
    boolean keyframe =
        payloadLen > 0 && Vp8PayloadDescriptor.isKeyframe(buf, payloadOff, payloadLen);
    if (packets == 0) {
      firstSequence = seq;
      firstTimestamp = ts;
      firstPacketStartsKeyframe = keyframe;
      firstArrivalNanos = nowNanos;
    } else {
      if (seq != ((lastSequence + 1) & 0xFFFF)) {
        sequenceGaps++;
      }
      if (seq < lastSequence && lastSequence - seq > 0x8000) {
        cycles += 0x10000;
      }
    }
    packets++;
    lastSequence = seq;
    lastTimestamp = ts;
    lastArrivalNanos = nowNanos;
    payloadTypes.add(RtpPacket.payloadType(buf, off));
    if (keyframe) {
      keyframes++;
    }
    if (payloadLen > 0 && RtpTag.isPresent(buf, payloadOff, payloadLen)) {
      int end = payloadOff + payloadLen;
      originSsrcs.add(RtpTag.ssrc(buf, end));
      sequenceOffsets.add((seq - RtpTag.sequence(buf, end)) & 0xFFFF);
      timestampOffsets.add((ts - RtpTag.timestamp(buf, end)) & 0xFFFFFFFFL);
    } else {
      untagged++;
    }
  }

  /** Records a sender report whose sender SSRC is this stream's. */
  synchronized void onSenderReport(SenderReport sr, long nowNanos) {
    senderReports.add(new SenderReportArrival(sr, packets, lastTimestamp, nowNanos));
    lastSenderReportMiddle32 = NtpTime.middle32(sr.ntpTimestamp());
    lastSenderReportNanos = nowNanos;
  }

  /**
   * A report block about this stream for a receiver report (RFC 3550 §6.4.1): extended highest
   * sequence number, no loss, no jitter, LSR and DLSR from the last sender report.
   */
  synchronized ReportBlock reportBlock(long nowNanos) {
    long dlsr = lastSenderReportNanos == 0 ? 0
        : Math.min(NtpTime.toShortFormat(nowNanos - lastSenderReportNanos), 0xFFFF_FFFFL);
    return new ReportBlock(ssrc, 0, 0, (cycles + lastSequence) & 0xFFFF_FFFFL, 0,
        lastSenderReportMiddle32, dlsr);
  }

  /** The SSRC. */
  public long ssrc() {
    return ssrc;
  }

  /** RTP packets received. */
  public synchronized long packets() {
    return packets;
  }

  /** The sequence number of the first packet, or -1 before one arrived. */
  public synchronized int firstSequence() {
    return firstSequence;
  }

  /** The sequence number of the last packet. */
  public synchronized int lastSequence() {
    return lastSequence;
  }

  /** The timestamp of the first packet. */
  public synchronized long firstTimestamp() {
    return firstTimestamp;
  }

  /** The timestamp of the last packet. */
  public synchronized long lastTimestamp() {
    return lastTimestamp;
  }

  /**
   * Packets the sender sent from the first received to the last received (extended highest
   * sequence number minus the first, plus one; RFC 3550 §6.4.1): with {@link #packets()}, the
   * loss.
   */
  public synchronized long expectedPackets() {
    return packets == 0 ? 0 : cycles + lastSequence - firstSequence + 1;
  }

  /** Packets whose sequence number was not the previous one plus one (mod 2^16). */
  public synchronized long sequenceGaps() {
    return sequenceGaps;
  }

  /** Whether the first packet received starts a VP8 keyframe (RFC 7741 §4.3). */
  public synchronized boolean firstPacketStartsKeyframe() {
    return firstPacketStartsKeyframe;
  }

  /** Packets that start a VP8 keyframe. */
  public synchronized long keyframes() {
    return keyframes;
  }

  /** The payload types seen, in order of first appearance. */
  public synchronized Set<Integer> payloadTypes() {
    return Set.copyOf(payloadTypes);
  }

  /** The publishers' SSRCs named by the tags of the packets. */
  public synchronized Set<Long> originSsrcs() {
    return Set.copyOf(originSsrcs);
  }

  /** The distinct differences received minus published sequence number, mod 2^16. */
  public synchronized Set<Integer> sequenceOffsets() {
    return Set.copyOf(sequenceOffsets);
  }

  /** The distinct differences received minus published timestamp, mod 2^32. */
  public synchronized Set<Long> timestampOffsets() {
    return Set.copyOf(timestampOffsets);
  }

  /** Packets without a tag (not made by a synthetic participant). */
  public synchronized long untaggedPackets() {
    return untagged;
  }

  /** Arrival time of the first packet ({@link System#nanoTime()}). */
  public synchronized long firstArrivalNanos() {
    return firstArrivalNanos;
  }

  /** Arrival time of the last packet ({@link System#nanoTime()}). */
  public synchronized long lastArrivalNanos() {
    return lastArrivalNanos;
  }

  /** The sender reports received for this SSRC, oldest first. */
  public synchronized List<SenderReportArrival> senderReports() {
    return List.copyOf(senderReports);
  }

  @Override
  public synchronized String toString() {
    return "ReceivedStream[ssrc=" + ssrc + ", packets=" + packets + ", gaps=" + sequenceGaps
        + ", pt=" + payloadTypes + ", origins=" + originSsrcs + "]";
  }
}
