package io.kaihui.media.sdp;

/**
 * The {@code a=ssrc} attribute (RFC 5576 §4.1): a source-level attribute of one RTP synchronization
 * source, {@code a=ssrc:2001 cname:kaihui-p1}.
 *
 * @param ssrc the SSRC, 0 to 2<sup>32</sup>-1
 * @param name the source attribute name, for example {@code cname} or {@code msid}
 * @param value the text after the colon, for example {@code kaihui-p1}, or null if none
 */
public record SsrcAttribute(long ssrc, String name, String value) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the SSRC is out of range or a part is malformed
   */
  public SsrcAttribute {
    if (ssrc < 0
        || ssrc > 0xFFFF_FFFFL
        || !SdpGrammar.isToken(name)
        || (value != null && !SdpGrammar.isLineText(value))) {
      throw new IllegalArgumentException("bad ssrc attribute " + ssrc + " " + name);
    }
  }

  /**
   * Parses an {@code a=ssrc} value.
   *
   * @param text for example {@code 2001 msid:stream track}
   * @return the source attribute
   * @throws SdpParseException if it is not {@code <ssrc> <name>[:<value>]}
   */
  public static SsrcAttribute parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "ssrc");
    int sp = text.indexOf(' ');
    if (sp < 0) {
      throw new SdpParseException(0, "a=ssrc needs <ssrc> <attribute>");
    }
    long ssrc = SdpGrammar.decimal(text.substring(0, sp), 0, 0xFFFF_FFFFL, "ssrc");
    String rest = text.substring(sp + 1);
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    if (!SdpGrammar.isToken(name)) {
      throw new SdpParseException(0, "bad a=ssrc attribute name: " + SdpGrammar.shorten(rest));
    }
    return new SsrcAttribute(ssrc, name, colon < 0 ? null : rest.substring(colon + 1));
  }

  /**
   * The attribute value.
   *
   * @return for example {@code 2001 cname:kaihui-p1}
   */
  @Override
  public String toString() {
    return ssrc + " " + name + (value == null ? "" : ":" + value);
  }
}
