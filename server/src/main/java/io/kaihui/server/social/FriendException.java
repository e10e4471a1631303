package io.kaihui.server.social;

/**
 * A friend request, friendship or group change cannot be done. The {@link #code()} is the
 * stable reason sent to the client, which translates it; the constants below are every code.
 */
public final class FriendException extends Exception {

  /** No such account, or it is the asker's own. */
  public static final String USER_NOT_FOUND = "user_not_found";
  /** No pending request with this id that the asker may answer or cancel. */
  public static final String REQUEST_NOT_FOUND = "request_not_found";
  /** The asker already asked this person and is waiting for an answer. */
  public static final String REQUEST_PENDING = "request_pending";
  /** They are friends already. */
  public static final String ALREADY_FRIENDS = "already_friends";
  /** The person is not the asker's friend. */
  public static final String NOT_FRIENDS = "not_friends";
  /** Too many friend requests within the hour; {@link #retryAfterSeconds()} says when. */
  public static final String TOO_MANY_REQUESTS = "too_many_requests";
  /** No group of the asker's with this id. */
  public static final String GROUP_NOT_FOUND = "group_not_found";
  /** The asker has {@value FriendService#MAX_GROUPS} groups already. */
  public static final String TOO_MANY_GROUPS = "too_many_groups";
  /** A note, group name, search or order that breaks its rules; the message says which. */
  public static final String BAD_REQUEST = "bad_request";

  private final String code;
  private final long retryAfterSeconds;

  /**
   * Creates the exception.
   *
   * @param code one of the codes above
   * @param message an English description
   */
  public FriendException(String code, String message) {
    this(code, message, 0);
  }

  /**
   * Creates the exception for {@link #TOO_MANY_REQUESTS}.
   *
   * @param code the code
   * @param message an English description
   * @param retryAfterSeconds when the asker may try again, in seconds
   */
  public FriendException(String code, String message, long retryAfterSeconds) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }

  /** For {@link #TOO_MANY_REQUESTS}, seconds until the next request is allowed; else 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
