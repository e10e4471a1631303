package io.kaihui.media.sdp;

/**
 * A {@code b=} line (RFC 8866 §5.8): {@code b=<bwtype>:<bandwidth>}. The unit depends on the type:
 * kilobits per second for {@code AS} and {@code CT} (RFC 8866), bits per second for {@code TIAS}
 * (RFC 3890).
 *
 * @param type the bandwidth type, an SDP token such as {@code AS} or {@code TIAS}
 * @param bandwidth the value in the type's unit, not negative
 */
public record Bandwidth(String type, long bandwidth) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the type is not a token or the value is negative
   */
  public Bandwidth {
    if (!SdpGrammar.isToken(type) || bandwidth < 0) {
      throw new IllegalArgumentException("bad bandwidth " + type + ":" + bandwidth);
    }
  }

  /**
   * Parses the value of a {@code b=} line.
   *
   * @param text the text after {@code b=}, for example {@code AS:2000}
   * @return the bandwidth
   * @throws SdpParseException if the type or the number is malformed
   */
  public static Bandwidth parse(String text) throws SdpParseException {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0 || !SdpGrammar.isToken(text.substring(0, colon))) {
      throw new SdpParseException(0, "b= needs <bwtype>:<bandwidth>");
    }
    return new Bandwidth(
        text.substring(0, colon),
        SdpGrammar.decimal(text.substring(colon + 1), 0, Long.MAX_VALUE, "b= bandwidth"));
  }

  /**
   * The line text after {@code b=}.
   *
   * @return for example {@code AS:2000}
   */
  @Override
  public String toString() {
    return type + ":" + bandwidth;
  }
}
