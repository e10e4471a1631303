package io.kaihui.server.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a service a test needs (MariaDB, PostgreSQL) is missing: skip loudly on a
 * developer's machine, fail when {@code kaihui.requireServices} (or
 * {@code KAIHUI_REQUIRE_SERVICES}) is true, as {@code .ci/run} sets it. The server's copy of the
 * e2e module's {@code Services}.
 */
public final class Services {

  private static final Set<String> announced = ConcurrentHashMap.newKeySet();

  private Services() {}

  /** Whether missing services must fail the build instead of skipping. */
  public static boolean required() {
    return Boolean.getBoolean("kaihui.requireServices")
        || "true".equalsIgnoreCase(System.getenv("KAIHUI_REQUIRE_SERVICES"));
  }

  /**
   * Skips (or, when required, fails) the current test with a loud reason, printed once per
   * service.
   *
   * @param what the service and why it is unusable
   */
  public static void missing(String what) {
    String message = "SKIPPED LOUDLY: " + what + " is not available on this machine."
        + " Start it to run the storage tests on it (CI requires it).";
    if (announced.add(what)) {
      System.err.println("\n*** " + message + " ***\n");
    }
    if (required()) {
      Assertions.fail(message + " kaihui.requireServices is set, so this is a failure.");
    }
    Assumptions.abort(message);
  }
}
