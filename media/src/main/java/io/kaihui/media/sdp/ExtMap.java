package io.kaihui.media.sdp;

/**
 * The {@code a=extmap} attribute (RFC 8285 §5): binds an RTP header extension id to a URI, {@code
 * a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid}.
 *
 * @param id the local identifier, 1 to 255 (1 to 14 fit the one-byte header form, RFC 8285 §4.2)
 * @param direction the optional direction after a slash, or null when not written
 * @param uri the extension URI
 * @param attributes the extension attributes after the URI, or null when there are none
 */
public record ExtMap(int id, Direction direction, String uri, String attributes) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the id is out of range or the URI holds whitespace
   */
  public ExtMap {
    if (id < 1
        || id > 255
        || !SdpGrammar.isNonWhitespace(uri)
        || (attributes != null && (attributes.isEmpty() || !SdpGrammar.isLineText(attributes)))) {
      throw new IllegalArgumentException("bad extmap " + id + " " + uri);
    }
  }

  /**
   * An extension with no direction and no attributes.
   *
   * @param id the local identifier, 1 to 255
   * @param uri the extension URI
   * @return the mapping
   */
  public static ExtMap of(int id, String uri) {
    return new ExtMap(id, null, uri, null);
  }

  /**
   * Parses an {@code a=extmap} value.
   *
   * @param text for example {@code 3/recvonly http://example.com/ext}
   * @return the mapping
   * @throws SdpParseException if it is not {@code <id>[/<direction>] <uri>[ <attributes>]}
   */
  public static ExtMap parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "extmap");
    int sp = text.indexOf(' ');
    if (sp < 0) {
      throw new SdpParseException(0, "a=extmap needs <id> <uri>");
    }
    String idPart = text.substring(0, sp);
    int slash = idPart.indexOf('/');
    Direction direction = null;
    if (slash >= 0) {
      direction = Direction.fromAttributeName(idPart.substring(slash + 1));
      if (direction == null) {
        throw new SdpParseException(0, "bad a=extmap direction: " + SdpGrammar.shorten(idPart));
      }
      idPart = idPart.substring(0, slash);
    }
    int id = SdpGrammar.integer(idPart, 1, 255, "extmap id");
    String rest = text.substring(sp + 1);
    int sp2 = rest.indexOf(' ');
    String uri = sp2 < 0 ? rest : rest.substring(0, sp2);
    String attributes = sp2 < 0 ? null : rest.substring(sp2 + 1);
    if (!SdpGrammar.isNonWhitespace(uri) || (attributes != null && attributes.isEmpty())) {
      throw new SdpParseException(0, "bad a=extmap: " + SdpGrammar.shorten(text));
    }
    return new ExtMap(id, direction, uri, attributes);
  }

  /**
   * The attribute value.
   *
   * @return for example {@code 4 urn:ietf:params:rtp-hdrext:sdes:mid}
   */
  @Override
  public String toString() {
    return id
        + (direction == null ? "" : "/" + direction.attributeName())
        + " "
        + uri
        + (attributes == null ? "" : " " + attributes);
  }
}
