package io.kaihui.media.testing;

import java.util.List;

/**
 * Where a {@link SyntheticParticipant}'s video packets come from: one frame's RTP packets per
 * call, on the participant's media thread at its frame rate. Implementations are not
 * thread-safe.
 */
public interface VideoTrackSource {

  /**
   * Makes the packets of the next frame.
   *
   * @param keyframe whether a keyframe is wanted (asked for by the receiver, or the first)
   * @return the RTP packets, in order, the last with the marker bit
   */
  List<byte[]> nextFrame(boolean keyframe);

  /** The SSRC. */
  long ssrc();

  /** The RTP timestamp of the last frame made. */
  long lastTimestamp();

  /** The sequence number of the last packet made. */
  int lastSequence();

  /** Packets made so far. */
  long packetsSent();

  /** Payload bytes made so far. */
  long octetsSent();

  /** Keyframes made so far. */
  long keyframesSent();
}
