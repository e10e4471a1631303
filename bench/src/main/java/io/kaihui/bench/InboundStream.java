package io.kaihui.bench;

import java.util.Map;

/**
 * Cumulative counters of one inbound audio or video stream ({@code RTCInboundRtpStreamStats},
 * W3C webrtc-stats §6.3) at one moment.
 *
 * @param kind "audio" or "video"
 * @param ssrc the stream's SSRC
 * @param framesDecoded video frames decoded so far (0 for audio)
 * @param framesDropped video frames dropped before decoding so far
 * @param bytesReceived payload bytes received so far
 * @param packetsLost packets lost so far (RFC 3550 cumulative count)
 * @param width width of the last decoded frame, px (0 for audio)
 * @param height height of the last decoded frame, px
 * @param jitterBufferDelay total time frames (audio: samples) spent in the jitter buffer, s
 * @param jitterBufferTargetDelay sum of the buffer's target delay at each emission, s: it grows
 *     with audio/video synchronisation, which the minimum leaves out
 * @param jitterBufferMinimumDelay sum of the delay the network jitter alone asks for, s
 * @param jitterBufferEmittedCount frames (audio: samples) that left the jitter buffer
 * @param totalDecodeTime total time spent decoding video, s
 */
public record InboundStream(String kind, String ssrc, long framesDecoded, long framesDropped,
    long bytesReceived, long packetsLost, int width, int height, double jitterBufferDelay,
    double jitterBufferTargetDelay, double jitterBufferMinimumDelay,
    long jitterBufferEmittedCount, double totalDecodeTime) {

  /** Reads one row of {@code KaihuiPeers.inbound()}. */
  public static InboundStream of(Map<String, Object> row) {
    return new InboundStream((String) row.get("kind"), (String) row.get("ssrc"),
        number(row, "framesDecoded").longValue(), number(row, "framesDropped").longValue(),
        number(row, "bytesReceived").longValue(), number(row, "packetsLost").longValue(),
        number(row, "width").intValue(), number(row, "height").intValue(),
        number(row, "jitterBufferDelay").doubleValue(),
        number(row, "jitterBufferTargetDelay").doubleValue(),
        number(row, "jitterBufferMinimumDelay").doubleValue(),
        number(row, "jitterBufferEmittedCount").longValue(),
        number(row, "totalDecodeTime").doubleValue());
  }

  /** Whether this is a video stream. */
  public boolean isVideo() {
    return "video".equals(kind);
  }

  private static Number number(Map<String, Object> row, String key) {
    Object value = row.get(key);
    return value instanceof Number n ? n : 0;
  }
}
