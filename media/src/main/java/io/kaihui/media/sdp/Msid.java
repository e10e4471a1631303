package io.kaihui.media.sdp;

/**
 * The {@code a=msid} attribute (RFC 8830 §2): the MediaStream a track belongs to and, as
 * application data, the track id, {@code a=msid:stream-id track-id}. A stream id of {@code -} means
 * the track is in no stream (RFC 8829 §5.2.1).
 *
 * @param streamId the MediaStream id
 * @param trackId the track id (RFC 8830 {@code msid-appdata}), or null when not written
 */
public record Msid(String streamId, String trackId) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is not an SDP token
   */
  public Msid {
    if (!SdpGrammar.isToken(streamId) || (trackId != null && !SdpGrammar.isToken(trackId))) {
      throw new IllegalArgumentException("bad msid " + streamId + " " + trackId);
    }
  }

  /**
   * Parses an {@code a=msid} value.
   *
   * @param text for example {@code kaihui-p1 kaihui-p1-audio}
   * @return the msid
   * @throws SdpParseException if it is not one or two space-separated tokens
   */
  public static Msid parse(String text) throws SdpParseException {
    String[] p = SdpGrammar.require(text, "msid").split(" ", -1);
    if (p.length > 2 || !SdpGrammar.isToken(p[0]) || (p.length == 2 && !SdpGrammar.isToken(p[1]))) {
      throw new SdpParseException(0, "bad a=msid: " + SdpGrammar.shorten(text));
    }
    return new Msid(p[0], p.length == 2 ? p[1] : null);
  }

  /**
   * The attribute value.
   *
   * @return for example {@code stream-id track-id}
   */
  @Override
  public String toString() {
    return trackId == null ? streamId : streamId + " " + trackId;
  }
}
