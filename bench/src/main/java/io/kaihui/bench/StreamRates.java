package io.kaihui.bench;

/**
 * What one inbound stream did between two {@link InboundStream} snapshots.
 *
 * @param video whether it is a video stream
 * @param fps video frames decoded per second (0 for audio)
 * @param kbps payload kilobits per second (1000 bits)
 * @param jitterBufferMs mean time a frame (audio: a sample) spent in the jitter buffer, ms
 * @param targetMs mean target delay of the jitter buffer, ms (includes audio/video sync)
 * @param minimumMs mean delay the network jitter alone asks for, ms
 * @param decodeMs mean time to decode a video frame, ms (NaN for audio)
 * @param packetsLost packets lost
 * @param width video frame width at the end, px
 * @param height video frame height at the end, px
 */
public record StreamRates(boolean video, double fps, double kbps, double jitterBufferMs,
    double targetMs, double minimumMs, double decodeMs, long packetsLost, int width, int height) {

  /**
   * The rates between two snapshots of the same stream.
   *
   * @param seconds time between the snapshots, s (positive)
   */
  public static StreamRates between(InboundStream before, InboundStream after, double seconds) {
    long frames = after.framesDecoded() - before.framesDecoded();
    long emitted = after.jitterBufferEmittedCount() - before.jitterBufferEmittedCount();
    return new StreamRates(after.isVideo(), frames / seconds,
        (after.bytesReceived() - before.bytesReceived()) * 8 / seconds / 1000,
        perEmitted(after.jitterBufferDelay() - before.jitterBufferDelay(), emitted),
        perEmitted(after.jitterBufferTargetDelay() - before.jitterBufferTargetDelay(), emitted),
        perEmitted(after.jitterBufferMinimumDelay() - before.jitterBufferMinimumDelay(), emitted),
        frames <= 0 ? Double.NaN
            : (after.totalDecodeTime() - before.totalDecodeTime()) * 1000 / frames,
        after.packetsLost() - before.packetsLost(), after.width(), after.height());
  }

  private static double perEmitted(double seconds, long emitted) {
    return emitted <= 0 ? Double.NaN : seconds * 1000 / emitted;
  }
}
