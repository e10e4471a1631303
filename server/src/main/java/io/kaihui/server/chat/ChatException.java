package io.kaihui.server.chat;

/**
 * A chat request cannot be done. The {@link #code()} is the stable reason sent to the client,
 * which translates it; the constants below are every code.
 */
public final class ChatException extends Exception {

  /**
   * No conversation with this id that the asker is in. A stranger's conversation is answered
   * the same as one that does not exist, so that its existence does not leak.
   */
  public static final String CONVERSATION_NOT_FOUND = "conversation_not_found";
  /** A direct conversation needs the two to be friends: to open it, or to send into it. */
  public static final String NOT_FRIENDS = "not_friends";
  /** Only a group's owner may remove others from it. */
  public static final String NOT_OWNER = "not_owner";
  /** The text is longer than the configured most characters. */
  public static final String MESSAGE_TOO_LONG = "message_too_long";
  /**
   * The message is empty, has characters that are not text (NUL and other controls except tab
   * and line breaks, lone surrogates), or its client id is not a UUID.
   */
  public static final String BAD_MESSAGE = "bad_message";

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code one of the codes above
   * @param message an English description
   */
  public ChatException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }
}
