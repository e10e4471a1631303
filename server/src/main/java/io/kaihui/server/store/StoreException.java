package io.kaihui.server.store;

/**
 * The database cannot be opened or its schema cannot be brought up to date: the server cannot
 * start. The message names the database (without its password) and the cause, for the operator.
 */
public final class StoreException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message what failed and why
   * @param cause the driver's or Flyway's exception
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
