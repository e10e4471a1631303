package io.kaihui.bench;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the bench's tests do when a service they need (Chromium, Janus, a network namespace) is
 * missing: skip loudly on a developer's machine, fail when {@code kaihui.requireServices} or
 * {@code KAIHUI_REQUIRE_SERVICES} is true (set by {@code .ci/run}).
 */
public final class Services {

  private Services() {}

  /** Whether missing services must fail the build instead of skipping. */
  public static boolean required() {
    return Boolean.getBoolean("kaihui.requireServices")
        || "true".equalsIgnoreCase(System.getenv("KAIHUI_REQUIRE_SERVICES"));
  }

  /**
   * Says loudly that something is missing; fails the test when services are required.
   *
   * @param message what is missing and what it is needed for
   */
  public static void warnMissing(String message) {
    System.err.println("\n*** SKIPPED LOUDLY: " + message + " ***\n");
    if (required()) {
      Assertions.fail(message + "; kaihui.requireServices is set, so this is a failure.");
    }
  }

  /** {@link #warnMissing}, then skips the test. */
  public static void missing(String message) {
    warnMissing(message);
    Assumptions.abort(message);
  }
}
