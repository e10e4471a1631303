package io.kaihui.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords too common to allow: the {@code common-passwords.txt} resource beside this class,
 * 11,611 passwords of 8 or more characters from zxcvbn's list of the 30,000 most common (its
 * README says where from). Compared ignoring case.
 */
public final class CommonPasswords {

  private static final String RESOURCE = "common-passwords.txt";

  private final Set<String> passwords;

  private CommonPasswords(Set<String> passwords) {
    this.passwords = Set.copyOf(passwords);
  }

  /**
   * Reads the list shipped with the server.
   *
   * @return the list
   * @throws UncheckedIOException if the resource is missing from the class path
   */
  public static CommonPasswords load() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is missing from the class path");
      }
      Set<String> set = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          set.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return new CommonPasswords(set);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the common-password list", e);
    }
  }

  /**
   * A list of one's own, for tests.
   *
   * @param passwords the passwords
   * @return the list
   */
  public static CommonPasswords of(Set<String> passwords) {
    Set<String> lower = new HashSet<>();
    for (String p : passwords) {
      lower.add(p.toLowerCase(Locale.ROOT));
    }
    return new CommonPasswords(lower);
  }

  /**
   * Whether a password is on the list, ignoring case.
   *
   * @param password a password; null is not on the list
   * @return true if it is too common
   */
  public boolean contains(String password) {
    return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
  }

  /** How many passwords the list holds. */
  public int size() {
    return passwords.size();
  }
}
