package io.kaihui.media;

/** The kind of a track, as in an SDP m-line's media field (RFC 8866 §5.14). */
public enum MediaKind {
  /** Audio; for us Opus at a 48 kHz RTP clock rate (RFC 7587). */
  AUDIO,
  /** Video; for us VP8 at a 90 kHz RTP clock rate (RFC 7741). */
  VIDEO;

  /** The SDP media name: {@code audio} or {@code video}. */
  public String sdpName() {
    return this == AUDIO ? "audio" : "video";
  }
}
