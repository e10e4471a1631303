package io.kaihui.media;

/** An SDP offer or answer from a browser could not be used; the message says why. */
public final class SdpNegotiationException extends Exception {

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the SDP, in English
   */
  public SdpNegotiationException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the SDP, in English
   * @param cause the parse failure
   */
  public SdpNegotiationException(String message, Throwable cause) {
    super(message, cause);
  }
}
