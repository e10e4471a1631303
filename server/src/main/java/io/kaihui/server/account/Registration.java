package io.kaihui.server.account;

/**
 * What a person fills in to register. Any field may be null or garbage:
 * {@link AccountService#register} checks them all.
 *
 * @param username 3–32 of {@code A-Z a-z 0-9 _}
 * @param password at least 8 characters, not common, not the username. {@link #toString()}
 *     hides it
 * @param displayName the name shown to others
 * @param phone optional phone number; null or blank for none
 */
public record Registration(String username, String password, String displayName, String phone) {

  /** The registration without its password. */
  @Override
  public String toString() {
    return "Registration[username=" + username + ", password=***, displayName=" + displayName
        + ", phone=" + phone + "]";
  }
}
