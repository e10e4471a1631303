package io.kaihui.server.call;

/**
 * A call cannot be made or answered. The {@link #code()} is the stable reason sent to the
 * client, which translates it; the constants below are every code.
 */
public final class CallException extends Exception {

  /** Only friends call each other. */
  public static final String NOT_FRIENDS = "not_friends";
  /** The friend is in another call or in a meeting (the call is kept as a record). */
  public static final String BUSY = "busy";
  /** The caller is in another call already. */
  public static final String ALREADY_IN_CALL = "already_in_call";
  /** No ringing call with this id that the asker may answer or cancel. */
  public static final String CALL_NOT_FOUND = "call_not_found";

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code one of the codes above
   * @param message an English description
   */
  public CallException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }
}
