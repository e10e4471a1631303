package io.kaihui.server.meeting;

/**
 * A meeting request cannot be done. The {@link #code()} is the stable reason sent to the
 * client ({@code meeting_not_found}, {@code meeting_full}, {@code bad_request}, {@code bad_sdp},
 * {@code not_joined}, {@code already_joined}), which the client translates. A call of two
 * other people answers {@code meeting_not_found}, as if it did not exist.
 */
public final class MeetingException extends Exception {

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code the stable reason code
   * @param message an English description
   */
  public MeetingException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }
}
