package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaihui.e2e.MeetingPage.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sending a file to a friend in Chromium: a progress bar while it goes, the friend downloads
 * the same bytes (SHA-256) under its Chinese name, and the same content sent again goes at
 * once from its hash alone (秒传).
 */
class FileE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage();

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static Locator messages(Page page) {
    return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages"));
  }

  @Test
  @Timeout(240)
  void aFileReachesAFriendWhole_AndTheSameContentAgainGoesInstantly() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "e2e-files"));
    Path file = dir.resolve("街景 video.bin");
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(7);
    try (var out = Files.newOutputStream(file)) {
      for (int i = 0; i < 40; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }

    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(bobName, "Bob");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    ChatE2ETest.friends(alice, bob, bobName, stage);
    alice.navigate(stage.url());
    bob.navigate(stage.url());

    button(alice, "Chat with Bob").click();
    alice.locator("[data-testid=attach-files]").setInputFiles(file);
    // The transfer shows with its bar while it goes.
    Locator transfer = alice.locator(".transfer").first();
    assertThat(transfer).isVisible();
    assertThat(transfer.getByRole(AriaRole.PROGRESSBAR)).isVisible();
    assertThat(messages(alice).locator(".chat__file")).hasCount(1,
        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
            .setTimeout(120_000));
    alice.screenshot(new Page.ScreenshotOptions().setPath(
        Path.of("target", "screenshots", "file-alice.png")));

    // Bob gets it live and downloads the same bytes under the same name.
    button(bob, "Chat with Alice").click();
    Locator link = messages(bob).getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("Download 街景 video.bin"));
    assertThat(link).isVisible();
    Download download = bob.waitForDownload(link::click);
    assertThat(download.suggestedFilename()).isEqualTo("街景 video.bin");
    Path saved = dir.resolve("downloaded.bin");
    download.saveAs(saved);
    assertThat(sha256(saved)).isEqualTo(sha256(file));

    // The same content again: only its hash crosses the network.
    alice.locator("[data-testid=attach-files]").setInputFiles(file);
    assertThat(alice.locator(".transfer[data-instant=true]")).isVisible();
    assertThat(messages(bob).locator(".chat__file")).hasCount(2);
    long blobs = Files.walk(stage.server().dataDir().resolve("files/blobs"))
        .filter(Files::isRegularFile).count();
    assertThat(blobs).isEqualTo(1);
  }
}
