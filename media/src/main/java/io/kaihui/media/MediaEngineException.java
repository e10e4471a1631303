package io.kaihui.media;

/** The media engine could not start or do what was asked (for example, a port in use). */
public final class MediaEngineException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for the operator
   * @param cause the underlying failure
   */
  public MediaEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
