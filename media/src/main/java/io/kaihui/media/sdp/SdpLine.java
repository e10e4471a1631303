package io.kaihui.media.sdp;

/**
 * A line this package does not model but keeps so that writing preserves it: at session level
 * {@code i= u= e= p= r= z= k=}, at media level {@code i= k=} (RFC 8866 §5). The writer puts each
 * back in its RFC 8866 §5 position, keeping the order among lines of the same place.
 *
 * @param type the type letter
 * @param value the text after {@code =}, verbatim
 */
public record SdpLine(char type, String value) {

  /**
   * Line types kept, in the order RFC 8866 §5 writes them; a media section writes only {@code i}
   * and {@code k}.
   */
  static final String SESSION_TYPES = "iueprzk";

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the type is not one of {@code iueprzk} or the value holds
   *     CR, LF or NUL
   */
  public SdpLine {
    if (SESSION_TYPES.indexOf(type) < 0) {
      throw new IllegalArgumentException("not a kept line type: " + type);
    }
    if (!SdpGrammar.isLineText(value)) {
      throw new IllegalArgumentException("line value holds CR, LF or NUL");
    }
  }

  /**
   * The whole line without its line end.
   *
   * @return for example {@code i=A talk}
   */
  @Override
  public String toString() {
    return type + "=" + value;
  }
}
