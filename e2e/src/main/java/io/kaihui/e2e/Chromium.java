package io.kaihui.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java, with fake camera and microphone fed from the
 * real recordings in the test resources, started inside the namespace when there is one (through
 * a wrapper script; Playwright talks to it over pipes). Never downloads a browser.
 */
public final class Chromium implements AutoCloseable {

  public static final Path EXECUTABLE = Path.of(System.getProperty("kaihui.chromium", "/usr/bin/chromium"));

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Whether Chromium is installed where we look for it. */
  public static boolean available() {
    return Files.isExecutable(EXECUTABLE);
  }

  /**
   * Launches headless Chromium.
   *
   * @param namespace where to run it, or null
   */
  public static Chromium launch(NetworkNamespace namespace) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "e2e-media"));
    Path video = copyResource("/media/street-640x480-6s.mjpeg", dir);
    Path audio = copyResource("/media/speech-48k-mono.wav", dir);
    Path executable = EXECUTABLE;
    if (namespace != null) {
      executable = dir.resolve("chromium-in-" + namespace.name() + ".sh");
      Files.writeString(executable, "#!/bin/sh\nexec " + String.join(" ", namespace.wrap(List.of(
          EXECUTABLE.toString(), "--allow-loopback-in-peer-connection"))) + " \"$@\"\n");
      Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable.toAbsolutePath())
        .setHeadless(true)
        .setArgs(List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-loopback-in-peer-connection",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--use-file-for-fake-video-capture=" + video.toAbsolutePath(),
            "--use-file-for-fake-audio-capture=" + audio.toAbsolutePath(),
            "--autoplay-policy=no-user-gesture-required")));
    return new Chromium(playwright, browser);
  }

  /** The browser; each participant gets its own context. */
  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  private static Path copyResource(String name, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = Chromium.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("test resource missing: " + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
