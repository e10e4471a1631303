package io.kaihui.media.testing;

import java.util.Random;

/**
 * What every synthetic track source keeps: its SSRC and payload type, the next sequence number
 * and timestamp (starting at random values, RFC 3550 §5.1) and what it has sent. Subclasses make
 * packets with {@link #sequence()} and {@link #timestamp()}, then call {@link #packetMade} for
 * each and {@link #frameDone} once per frame (or audio packet).
 */
public abstract class RtpTrackState {

  private final long ssrc;
  private final int payloadType;
  private int sequence;
  private long timestamp;
  private long lastTimestamp;
  private long packetsSent;
  private long octetsSent;

  /**
   * @param ssrc the track's SSRC
   * @param payloadType its payload type
   * @param random for the first sequence number and timestamp
   */
  protected RtpTrackState(long ssrc, int payloadType, Random random) {
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.sequence = random.nextInt(0x10000);
    this.timestamp = random.nextInt() & 0xFFFFFFFFL;
  }

  /** The payload type. */
  protected final int payloadType() {
    return payloadType;
  }

  /** The sequence number of the next packet. */
  protected final int sequence() {
    return sequence;
  }

  /** The RTP timestamp of the next frame. */
  protected final long timestamp() {
    return timestamp;
  }

  /** Counts a packet made with {@link #sequence()}, of {@code payloadBytes}, and moves on. */
  protected final void packetMade(int payloadBytes) {
    sequence = (sequence + 1) & 0xFFFF;
    packetsSent++;
    octetsSent += payloadBytes;
  }

  /** Ends a frame made at {@link #timestamp()}; the next is {@code ticks} later. */
  protected final void frameDone(long ticks) {
    lastTimestamp = timestamp;
    timestamp = (timestamp + ticks) & 0xFFFFFFFFL;
  }

  /** The SSRC. */
  public final long ssrc() {
    return ssrc;
  }

  /** The RTP timestamp of the last frame made. */
  public final long lastTimestamp() {
    return lastTimestamp;
  }

  /** The sequence number of the last packet made. */
  public final int lastSequence() {
    return (sequence - 1) & 0xFFFF;
  }

  /** Packets made so far. */
  public final long packetsSent() {
    return packetsSent;
  }

  /** Payload bytes made so far. */
  public final long octetsSent() {
    return octetsSent;
  }
}
