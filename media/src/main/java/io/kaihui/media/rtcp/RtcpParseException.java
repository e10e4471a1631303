package io.kaihui.media.rtcp;

/**
 * Thrown by {@link RtcpParser} when bytes received from the network are not a well-formed RTCP
 * compound packet. The message names the offending packet's byte offset within the compound packet
 * and what was wrong, for example {@code "RTCP packet at byte 32 (type 202) declares 52 bytes but
 * only 40 remain"}.
 */
public final class RtcpParseException extends Exception {

  /**
   * Creates the exception.
   *
   * @param message what was wrong and where
   */
  public RtcpParseException(String message) {
    super(message);
  }
}
