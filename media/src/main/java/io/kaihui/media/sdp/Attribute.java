package io.kaihui.media.sdp;

import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute {@code a=<name>} (value null) or a
 * value attribute {@code a=<name>:<value>}. The value is kept verbatim, leading spaces included, so
 * that writing reproduces the line exactly; typed views such as {@link RtpMap} parse it on demand.
 *
 * @param name the attribute name, an RFC 8866 {@code token} (case-sensitive)
 * @param value the text after the first colon, or null for a flag such as {@code a=rtcp-mux}; an
 *     empty string stands for {@code a=name:} with nothing after the colon
 */
public record Attribute(String name, String value) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
   */
  public Attribute {
    if (!SdpGrammar.isToken(name)) {
      throw new IllegalArgumentException("attribute name is not an SDP token: " + name);
    }
    if (value != null && !SdpGrammar.isLineText(value)) {
      throw new IllegalArgumentException("attribute value holds CR, LF or NUL");
    }
  }

  /**
   * Creates a property attribute such as {@code a=ice-lite}.
   *
   * @param name the attribute name
   * @return the flag attribute
   */
  public static Attribute flag(String name) {
    return new Attribute(name, null);
  }

  /**
   * Whether this is a property attribute (no colon, no value).
   *
   * @return true for {@code a=name}
   */
  public boolean isFlag() {
    return value == null;
  }

  /**
   * Parses the text after {@code a=}: the name runs to the first colon.
   *
   * @param text for example {@code rtpmap:111 opus/48000/2}
   * @return the attribute
   * @throws SdpParseException if the name is not a token or the text holds CR, LF or NUL
   */
  public static Attribute parse(String text) throws SdpParseException {
    if (!SdpGrammar.isLineText(text)) {
      throw new SdpParseException(0, "attribute holds CR, LF or NUL");
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (!SdpGrammar.isToken(name)) {
      throw new SdpParseException(0, "attribute name is not a token: " + SdpGrammar.shorten(name));
    }
    return new Attribute(name, colon < 0 ? null : text.substring(colon + 1));
  }

  /**
   * The line text after {@code a=}.
   *
   * @return {@code name} or {@code name:value}
   */
  @Override
  public String toString() {
    return value == null ? name : name + ":" + value;
  }

  /**
   * Whether this attribute has the given name.
   *
   * @param attributeName the name to compare with
   * @return true when equal
   */
  public boolean is(String attributeName) {
    return Objects.equals(name, attributeName);
  }
}
