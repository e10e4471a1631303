package io.kaihui.server.session;

import java.time.Duration;

/**
 * How sessions behave.
 *
 * @param singleSession true for one live session per account: a new sign-in ends the others
 *     (the default); false to allow several devices at once
 * @param rememberMeLifetime how long a "remember me" session lasts from sign-in (default 30
 *     days)
 * @param lifetime how long any other session lasts from sign-in (default 12 hours)
 */
public record SessionSettings(boolean singleSession, Duration rememberMeLifetime,
    Duration lifetime) {

  /** One live session per account; 30 days with "remember me", 12 hours without. */
  public static final SessionSettings DEFAULTS =
      new SessionSettings(true, Duration.ofDays(30), Duration.ofHours(12));

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a lifetime is null, not positive, or over 400 days
   */
  public SessionSettings {
    for (Duration d : new Duration[] {rememberMeLifetime, lifetime}) {
      if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(400)) > 0) {
        throw new IllegalArgumentException("session lifetimes must be 1 ms..400 days, not " + d);
      }
    }
  }
}
