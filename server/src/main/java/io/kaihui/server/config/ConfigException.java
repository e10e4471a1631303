package io.kaihui.server.config;

/** A setting is malformed or unknown; the message names it and says what is expected. */
public final class ConfigException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message which setting and why, for the operator
   */
  public ConfigException(String message) {
    super(message);
  }
}
