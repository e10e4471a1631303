package io.kaihui.media.sdp;

/**
 * The {@code a=rtpmap} attribute (RFC 8866 §6.6): maps an RTP payload type to an encoding, {@code
 * a=rtpmap:111 opus/48000/2}.
 *
 * @param payloadType the RTP payload type, 0 to 127
 * @param encodingName the encoding name as written, for example {@code opus} or {@code VP8}
 *     (compare case-insensitively)
 * @param clockRate the RTP clock rate in Hz, for example 48000 or 90000
 * @param channels the number of audio channels, or null when not written
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, Integer channels) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is out of range
   */
  public RtpMap {
    if (payloadType < 0
        || payloadType > 127
        || !SdpGrammar.isToken(encodingName)
        || encodingName.indexOf('/') >= 0
        || clockRate <= 0
        || (channels != null && channels <= 0)) {
      throw new IllegalArgumentException("bad rtpmap " + payloadType + " " + encodingName);
    }
  }

  /**
   * Parses an {@code a=rtpmap} value.
   *
   * @param text for example {@code 111 opus/48000/2}
   * @return the mapping
   * @throws SdpParseException if it is not {@code <pt> <name>/<rate>[/<channels>]}
   */
  public static RtpMap parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "rtpmap");
    int sp = text.indexOf(' ');
    if (sp < 0) {
      throw new SdpParseException(0, "a=rtpmap needs <pt> <encoding>/<clock rate>");
    }
    int pt = SdpGrammar.integer(text.substring(0, sp), 0, 127, "rtpmap payload type");
    String[] p = text.substring(sp + 1).split("/", -1);
    if (p.length < 2 || p.length > 3 || !SdpGrammar.isToken(p[0])) {
      throw new SdpParseException(0, "bad a=rtpmap encoding: " + SdpGrammar.shorten(text));
    }
    int rate = SdpGrammar.integer(p[1], 1, Integer.MAX_VALUE, "rtpmap clock rate");
    Integer channels =
        p.length == 3 ? SdpGrammar.integer(p[2], 1, Integer.MAX_VALUE, "rtpmap channels") : null;
    return new RtpMap(pt, p[0], rate, channels);
  }

  /**
   * The attribute value.
   *
   * @return for example {@code 111 opus/48000/2}
   */
  @Override
  public String toString() {
    return payloadType
        + " "
        + encodingName
        + "/"
        + clockRate
        + (channels == null ? "" : "/" + channels);
  }
}
