package io.kaihui.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The stage of a browser test class, as a JUnit 5 extension ({@code @RegisterExtension static}):
 * before all its tests, a loopback-only network namespace (when this machine can make one), a
 * Kaihui server started the README's way inside it, and Chromium inside it too; after all, the
 * three closed. Each test opens its people's tabs with {@link #newPage()}; after each test they
 * are closed, and when a test fails, a screenshot of each still-open tab is saved first to
 * {@code target/screenshots/<test>-<n>.png}, to see what the person saw.
 *
 * <p>Chromium missing skips the class loudly, or fails it when services are required (CI).
 */
final class BrowserStage implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
    TestExecutionExceptionHandler {

  private NetworkNamespace namespace;
  private ServerProcess server;
  private Chromium chromium;
  private final List<MeetingPage> pages = new ArrayList<>();
  private final List<String> settings;

  /** A stage whose server runs on its defaults. */
  BrowserStage() {
    this(List.of());
  }

  /**
   * A stage whose server gets more settings.
   *
   * @param settings {@code --key=value} flags (docs/operations.md)
   */
  BrowserStage(List<String> settings) {
    this.settings = List.copyOf(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!Chromium.available()) {
      Services.missing("Chromium (" + Chromium.EXECUTABLE + ")");
    }
    if (Services.required() && !NetworkNamespace.canCreate()) {
      throw new IllegalStateException("CI runs these tests as root with `ip`, inside a"
          + " loopback-only network namespace; this machine cannot make one");
    }
    namespace = NetworkNamespace.create();
    server = ServerProcess.start(namespace, settings);
    chromium = Chromium.launch(namespace);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
    if (namespace != null) {
      namespace.close();
    }
  }

  /** A new person: a tab in a browser context of its own (cookies, account). */
  MeetingPage newPage() {
    MeetingPage p = new MeetingPage(chromium.browser(), server.url());
    pages.add(p);
    return p;
  }

  /** The server's base URL, ending in a slash. */
  String url() {
    return server.url();
  }

  /**
   * Kills the server with {@code kill -9} and starts it again on the same data; the pages keep
   * their cookies (cookies ignore the port) and must load the new {@link #url()}.
   */
  void crashServer() throws Exception {
    server = server.crashAndRestart();
  }

  /** {@link #crashServer()}, the server coming back on the same HTTP port (same origin). */
  void crashServerSamePort() throws Exception {
    server = server.crashAndRestart(true);
  }

  /** The server process, for its log. */
  ServerProcess server() {
    return server;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    int n = 0;
    for (MeetingPage p : pages) {
      n++;
      if (p.isClosed()) {
        continue;
      }
      try {
        Path file = Path.of("target", "screenshots",
            context.getRequiredTestMethod().getName() + "-" + n + ".png");
        p.page().screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        System.err.println("screenshot of " + p.page().url() + ": " + file.toAbsolutePath());
      } catch (RuntimeException e) {
        System.err.println("no screenshot of tab " + n + ": " + e.getMessage());
      }
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    pages.forEach(MeetingPage::close);
    pages.clear();
  }
}
