package io.kaihui.media.sdp;

/**
 * The {@code t=} line (RFC 8866 §5.9): start and stop time as NTP seconds. WebRTC always uses
 * {@code t=0 0} (RFC 8829 §5.2.1), a permanent session.
 *
 * @param startTime start in seconds since 1900 (NTP), 0 for unbounded
 * @param stopTime stop in seconds since 1900 (NTP), 0 for unbounded
 */
public record Timing(long startTime, long stopTime) {

  /** {@code t=0 0}: the session is permanent. */
  public static final Timing PERMANENT = new Timing(0, 0);

  /**
   * Validates the times.
   *
   * @throws IllegalArgumentException if a time is negative
   */
  public Timing {
    if (startTime < 0 || stopTime < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
  }

  /**
   * Parses the value of a {@code t=} line.
   *
   * @param text the text after {@code t=}, for example {@code 0 0}
   * @return the timing
   * @throws SdpParseException if it is not two unsigned numbers
   */
  public static Timing parse(String text) throws SdpParseException {
    String[] p = text == null ? new String[0] : text.split(" ", -1);
    if (p.length != 2) {
      throw new SdpParseException(0, "t= needs a start and a stop time");
    }
    return new Timing(
        SdpGrammar.decimal(p[0], 0, Long.MAX_VALUE, "t= start time"),
        SdpGrammar.decimal(p[1], 0, Long.MAX_VALUE, "t= stop time"));
  }

  /**
   * The line text after {@code t=}.
   *
   * @return for example {@code 0 0}
   */
  @Override
  public String toString() {
    return startTime + " " + stopTime;
  }
}
