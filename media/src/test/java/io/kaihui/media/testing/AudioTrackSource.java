package io.kaihui.media.testing;

/**
 * Where a {@link SyntheticParticipant}'s audio packets come from: one RTP packet per call, on
 * the participant's media thread every 20 ms. Implementations are not thread-safe.
 */
public interface AudioTrackSource {

  /** The longest packet {@link #next} writes, header included, in bytes. */
  int maxPacketLength();

  /**
   * Writes the next RTP packet (header and payload).
   *
   * @param out room for {@link #maxPacketLength()} bytes
   * @return the packet's length in bytes
   */
  int next(byte[] out);

  /** The SSRC. */
  long ssrc();

  /** The RTP timestamp of the last packet written. */
  long lastTimestamp();

  /** The sequence number of the last packet written. */
  int lastSequence();

  /** Packets written so far. */
  long packetsSent();

  /** Payload bytes written so far. */
  long octetsSent();
}
