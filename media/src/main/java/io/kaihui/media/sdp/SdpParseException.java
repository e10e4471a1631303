package io.kaihui.media.sdp;

/**
 * Thrown when text is not a session description this package accepts (RFC 8866 §9 grammar, narrowed
 * by the attribute grammars of RFC 8839, 8122, 4145, 8285, 4585, 5576, 8830 and 8843).
 *
 * <p>{@link #line()} is the 1-based line of the offending text when the error came from {@link
 * SessionDescription#parse(String)}, or 0 when a single attribute value was parsed on its own (for
 * example a trickled candidate through {@link Candidate#parse(String)}).
 */
public final class SdpParseException extends Exception {

  /** 1-based line number, 0 when not tied to a line. */
  private final int line;

  /** What is wrong, without the line number. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param line 1-based line number, or 0 when the text was not part of a whole description
   * @param reason what is wrong, in words (no trailing period)
   */
  public SdpParseException(int line, String reason) {
    super(line > 0 ? "SDP line " + line + ": " + reason : reason);
    this.line = line;
    this.reason = reason;
  }

  /**
   * The 1-based line number of the offending line.
   *
   * @return the line number, or 0 when the error is not tied to a line of a whole description
   */
  public int line() {
    return line;
  }

  /**
   * What is wrong, without the line number.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns a copy of this exception located at the given line, used when a value parser that knows
   * no line numbers is called on one line of a whole description.
   *
   * @param lineNumber the 1-based line number
   * @return a new exception with the same reason
   */
  SdpParseException atLine(int lineNumber) {
    return new SdpParseException(lineNumber, reason);
  }
}
