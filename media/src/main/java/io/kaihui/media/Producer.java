package io.kaihui.media;

import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.rtp.RtpStreamReceiveStats;
import io.kaihui.media.rtp.Vp8PayloadDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * One incoming track of a publishing {@link WebRtcTransport}: one SSRC, one codec. It forwards
 * every packet to its {@link Consumer}s and keeps the receive statistics for the receiver reports
 * sent back to the publisher (RFC 3550 §6.4.2).
 *
 * <p>Loop-confined: every method runs on the engine's event loop.
 */
public final class Producer {

  /** Minimum time between two keyframe requests sent to the publisher, in ns. */
  static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

  private final String id;
  private final WebRtcTransport transport;
  private final MediaKind kind;
  private final long ssrc;
  private final int payloadType;
  private final int clockRate;
  private final String mid;
  private final String trackId;
  private final RtpStreamReceiveStats stats;
  private final List<Consumer> consumers = new ArrayList<>();
  private long lastKeyframeRequestNanos = Long.MIN_VALUE / 2;
  private boolean closed;

  // The last sender report (RFC 3550 §6.4.1), for translating it to consumers.
  private boolean hasSenderReport;
  private long senderReportNtp;
  private long senderReportRtpTimestamp;
  private long senderReportArrivalNanos;
  private long lastRtpTimestamp;
  private long lastPacketNanos;

  Producer(String id, WebRtcTransport transport, MediaKind kind, long ssrc, int payloadType,
      int clockRate, String mid, String trackId) {
    this.id = id;
    this.transport = transport;
    this.kind = kind;
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.clockRate = clockRate;
    this.mid = mid;
    this.trackId = trackId;
    this.stats = new RtpStreamReceiveStats(clockRate);
  }

  /** This producer's id, unique in the engine. */
  public String id() {
    return id;
  }

  /** Audio or video. */
  public MediaKind kind() {
    return kind;
  }

  /** The publisher's SSRC of this track. */
  public long ssrc() {
    return ssrc;
  }

  /** The publisher's RTP payload type for the codec. */
  public int payloadType() {
    return payloadType;
  }

  /** The RTP clock rate in Hz (48000 for Opus, 90000 for VP8). */
  public int clockRate() {
    return clockRate;
  }

  /** The mid of the publisher's m-section carrying this track. */
  public String mid() {
    return mid;
  }

  /** The publisher's MediaStreamTrack id (from its msid), or the mid when it sent none. */
  public String trackId() {
    return trackId;
  }

  /** The transport this track arrives on. */
  public WebRtcTransport transport() {
    return transport;
  }

  /** The consumers currently fed by this producer (a copy). */
  public List<Consumer> consumers() {
    return List.copyOf(consumers);
  }

  /** Packets received so far. */
  public long packetsReceived() {
    return stats.packetsReceived();
  }

  boolean isClosed() {
    return closed;
  }

  void addConsumer(Consumer c) {
    consumers.add(c);
  }

  void removeConsumer(Consumer c) {
    consumers.remove(c);
  }

  /** Handles one decrypted RTP packet of this producer's SSRC and forwards it. */
  void onRtp(byte[] buf, int off, int len, long nowNanos) {
    int seq = RtpPacket.sequenceNumber(buf, off);
    long timestamp = RtpPacket.timestamp(buf, off);
    stats.onPacket(seq, timestamp, nowNanos);
    lastRtpTimestamp = timestamp;
    lastPacketNanos = nowNanos;
    boolean keyframe = false;
    if (kind == MediaKind.VIDEO) {
      int payloadOff = RtpPacket.payloadOffset(buf, off, len);
      int payloadLen = RtpPacket.payloadLength(buf, off, len);
      keyframe = Vp8PayloadDescriptor.isKeyframe(buf, payloadOff, payloadLen);
    }
    for (int i = 0, n = consumers.size(); i < n; i++) {
      consumers.get(i).forward(buf, off, len, keyframe, nowNanos);
    }
  }

  /** Remembers the publisher's sender report (RFC 3550 §6.4.1) for LSR/DLSR and translation. */
  void onSenderReport(long ntpTimestamp, long rtpTimestamp, long nowNanos) {
    hasSenderReport = true;
    senderReportNtp = ntpTimestamp;
    senderReportRtpTimestamp = rtpTimestamp;
    senderReportArrivalNanos = nowNanos;
    stats.onSenderReport(ntpTimestamp, nowNanos);
  }

  /**
   * The publisher's RTP timestamp that corresponds to {@code nowNanos}, extrapolated from its last
   * sender report (or, before one arrived, from the last packet), for the sender reports sent to
   * consumers so that receivers can synchronise audio and video.
   */
  long rtpTimestampAt(long nowNanos) {
    if (hasSenderReport) {
      return senderReportRtpTimestamp
          + (nowNanos - senderReportArrivalNanos) * clockRate / 1_000_000_000L;
    }
    return lastRtpTimestamp + (nowNanos - lastPacketNanos) * clockRate / 1_000_000_000L;
  }

  boolean hasReceivedPackets() {
    return stats.packetsReceived() > 0;
  }

  /** The report block about this stream for a receiver report to the publisher. */
  ReportBlock reportBlock(long nowNanos) {
    return stats.reportBlock(ssrc, nowNanos);
  }

  /**
   * Asks the publisher for a keyframe with a PLI (RFC 4585 §6.3.1), at most once every 300 ms.
   */
  void requestKeyframe(long nowNanos) {
    if (kind != MediaKind.VIDEO || closed) {
      return;
    }
    if (nowNanos - lastKeyframeRequestNanos < KEYFRAME_REQUEST_INTERVAL_NANOS) {
      transport.engine().counters().increment(MediaCounter.KEYFRAME_REQUESTS_THROTTLED);
      return;
    }
    lastKeyframeRequestNanos = nowNanos;
    transport.sendPictureLossIndication(ssrc);
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Consumer c : List.copyOf(consumers)) {
      c.close();
    }
  }
}
