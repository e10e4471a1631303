package io.kaihui.server.meeting;

/**
 * Who joins a meeting: a signed-in account, or a guest who typed a name.
 *
 * @param userId the account id, or 0 for a guest
 * @param displayName the name shown to the others (validated by the caller)
 * @param avatarUrl the account's avatar image URL, or null
 */
public record Attendee(long userId, String displayName, String avatarUrl) {

  /** A guest, known only by the name they typed. */
  public static Attendee guest(String displayName) {
    return new Attendee(0, displayName, null);
  }

  /** Whether this is a guest rather than an account. */
  public boolean isGuest() {
    return userId == 0;
  }
}
