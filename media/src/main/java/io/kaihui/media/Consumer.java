package io.kaihui.media;

import io.kaihui.media.rtp.RtpPacket;

/**
 * One outgoing copy of a {@link Producer} to one subscribing {@link WebRtcTransport}. It has its
 * own SSRC, and rewrites sequence numbers and timestamps so that the receiver sees one continuous
 * stream that starts on a keyframe (video), whatever the producer did before (RFC 3550 §5.1,
 * RFC 7667 §3.7 "Selective Forwarding Middlebox").
 *
 * <p>Loop-confined: every method runs on the engine's event loop.
 */
public final class Consumer {

  private final String id;
  private final Producer producer;
  private final WebRtcTransport transport;
  private final long ssrc;
  private final String mid;
  private int payloadType;
  private boolean closed;

  // Rewriting state: outgoing = incoming + offset (mod 2^16 and 2^32).
  private boolean syncRequired = true;
  private int sequenceOffset;
  private long timestampOffset;
  private int lastSequence;
  private long lastTimestamp;

  // Sender statistics for sender reports (RFC 3550 §6.4.1).
  private long packetsSent;
  private long octetsSent;

  Consumer(String id, Producer producer, WebRtcTransport transport, long ssrc, String mid,
      int payloadType, int initialSequence, long initialTimestamp) {
    this.id = id;
    this.producer = producer;
    this.transport = transport;
    this.ssrc = ssrc;
    this.mid = mid;
    this.payloadType = payloadType;
    this.lastSequence = (initialSequence - 1) & 0xFFFF;
    this.lastTimestamp = initialTimestamp & 0xFFFFFFFFL;
  }

  /** This consumer's id, unique in the engine. */
  public String id() {
    return id;
  }

  /** The producer this consumer copies. */
  public Producer producer() {
    return producer;
  }

  /** The transport it sends on. */
  public WebRtcTransport transport() {
    return transport;
  }

  /** The SSRC the receiver sees. */
  public long ssrc() {
    return ssrc;
  }

  /** The mid of the m-section in the subscribe SDP. */
  public String mid() {
    return mid;
  }

  /** The payload type the receiver negotiated for the codec. */
  public int payloadType() {
    return payloadType;
  }

  /** RTP packets sent so far. */
  public long packetsSent() {
    return packetsSent;
  }

  /** Whether it has been closed (producer gone, transport closed, or unsubscribed). */
  public boolean isClosed() {
    return closed;
  }

  void setPayloadType(int payloadType) {
    this.payloadType = payloadType;
  }

  long octetsSent() {
    return octetsSent;
  }

  /** The RTP timestamp (in this consumer's numbering) for a sender report at {@code nowNanos}. */
  long rtpTimestampAt(long nowNanos) {
    return (producer.rtpTimestampAt(nowNanos) + timestampOffset) & 0xFFFFFFFFL;
  }

  boolean hasSent() {
    return packetsSent > 0;
  }

  /** Copies, rewrites and sends one packet of the producer. */
  void forward(byte[] buf, int off, int len, boolean keyframe, long nowNanos) {
    if (closed || !transport.isConnected()) {
      return;
    }
    int seq = RtpPacket.sequenceNumber(buf, off);
    long timestamp = RtpPacket.timestamp(buf, off);
    if (syncRequired) {
      if (producer.kind() == MediaKind.VIDEO && !keyframe) {
        producer.requestKeyframe(nowNanos);
        return;
      }
      syncRequired = false;
      sequenceOffset = (lastSequence + 1 - seq) & 0xFFFF;
      timestampOffset = (lastTimestamp + 1 - timestamp) & 0xFFFFFFFFL;
    }
    int outSeq = (seq + sequenceOffset) & 0xFFFF;
    long outTimestamp = (timestamp + timestampOffset) & 0xFFFFFFFFL;
    if (((outSeq - lastSequence) & 0xFFFF) < 0x8000) {
      lastSequence = outSeq;
      lastTimestamp = outTimestamp;
    }
    byte[] out = transport.engine().sendBuffer();
    System.arraycopy(buf, off, out, 0, len);
    RtpPacket.setSsrc(out, 0, ssrc);
    RtpPacket.setSequenceNumber(out, 0, outSeq);
    RtpPacket.setTimestamp(out, 0, outTimestamp);
    RtpPacket.setPayloadType(out, 0, payloadType);
    packetsSent++;
    octetsSent += RtpPacket.payloadLength(out, 0, len);
    transport.sendRtp(out, len);
  }

  /** The receiver asked for a keyframe (PLI or FIR): pass it on to the producer. */
  void onKeyframeRequest(long nowNanos) {
    producer.requestKeyframe(nowNanos);
  }

  /** Stops forwarding and detaches from the producer and the transport. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.removeConsumer(this);
    transport.onConsumerClosed(this);
  }
}
