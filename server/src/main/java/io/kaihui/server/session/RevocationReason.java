package io.kaihui.server.session;

/**
 * Why a session ended before it expired. The {@link #code()} is stored with the session and sent
 * to the client, which translates it (for example "You were signed out because this account
 * signed in elsewhere").
 */
public enum RevocationReason {

  /** The person signed out. */
  LOGOUT("logout"),

  /** The account signed in on another device while only one live session is allowed. */
  SIGNED_IN_ELSEWHERE("signed_in_elsewhere"),

  /** The password changed; every other session of the account ends. */
  PASSWORD_CHANGED("password_changed"),

  /** Ended by the account's owner from the session list, or by an operator. */
  REVOKED("revoked");

  private final String code;

  RevocationReason(String code) {
    this.code = code;
  }

  /** The stable code, as stored in {@code sessions.revoked_reason}. */
  public String code() {
    return code;
  }

  /**
   * The reason with this code.
   *
   * @param code a stored code, may be null
   * @return the reason, or null for null or an unknown code
   */
  public static RevocationReason fromCode(String code) {
    for (RevocationReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }
}
