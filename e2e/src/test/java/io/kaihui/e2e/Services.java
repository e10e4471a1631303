package io.kaihui.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a service a test needs (Chromium) is missing: skip loudly on a developer's
 * machine, fail when {@code kaihui.requireServices} is true (set by {@code .ci/run}).
 */
final class Services {

  private Services() {}

  /** Whether missing services must fail the build instead of skipping. */
  static boolean required() {
    return Boolean.getBoolean("kaihui.requireServices")
        || "true".equalsIgnoreCase(System.getenv("KAIHUI_REQUIRE_SERVICES"));
  }

  /** Skips (or, when required, fails) the current test with a loud reason. */
  static void missing(String what) {
    String message = "SKIPPED LOUDLY: " + what + " is not available on this machine."
        + " Install it to run the browser tests (CI requires it).";
    System.err.println("\n*** " + message + " ***\n");
    if (required()) {
      Assertions.fail(message + " kaihui.requireServices is set, so this is a failure.");
    }
    Assumptions.abort(message);
  }
}
