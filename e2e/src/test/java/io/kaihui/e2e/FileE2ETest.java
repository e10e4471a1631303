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
 * Sending files to a friend in Chromium: a progress bar while it goes, the friend downloads
 * the same bytes (SHA-256) under its Chinese name, and the same content sent again goes at
 * once from its hash alone (秒传). With uploads slowed to 3 MiB/s: pause and resume, a tab
 * closed mid-upload whose successor continues from the server's offset, and a server killed
 * with {@code kill -9} mid-upload after which the upload goes on by itself.
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

  /** Alice and Bob, signed up in their own browsers and friends; their pages. */
  private static Page[] aliceAndBob() {
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(bobName, "Bob");
    ChatE2ETest.friends(alicePage.page(), bobPage.page(), bobName, stage);
    return new Page[] {alicePage.page(), bobPage.page()};
  }

  private static Locator messages(Page page) {
    return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages"));
  }

  @Test
  @Timeout(240)
  void aFileReachesAFriendWhole_AndTheSameContentAgainGoesInstantly() throws Exception {
    Path file = randomFile("街景 video.bin", 40, 7);

    Page[] friends = aliceAndBob();
    Page alice = friends[0];
    Page bob = friends[1];
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
    bobDownloadsTheSameBytes(bob, file);

    // The same content again: only its hash crosses the network.
    alice.locator("[data-testid=attach-files]").setInputFiles(file);
    assertThat(alice.locator(".transfer[data-instant=true]")).isVisible();
    assertThat(messages(bob).locator(".chat__file")).hasCount(2);
    String hash = sha256(file);
    try (var blobs = Files.walk(stage.server().dataDir().resolve("files/blobs"))) {
      assertThat(blobs.filter(p -> p.getFileName().toString().equals(hash))).hasSize(1);
    }
  }

  /** A file of random bytes in target/e2e-files. */
  private static Path randomFile(String name, int mebibytes, long seed) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "e2e-files"));
    Path file = dir.resolve(name);
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(seed);
    try (var out = Files.newOutputStream(file)) {
      for (int i = 0; i < mebibytes; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    return file;
  }

  /** Lets the page send at most this many bytes per second (Chromium's network emulation). */
  private static void throttleUploads(Page page, int bytesPerSecond) {
    var cdp = page.context().newCDPSession(page);
    cdp.send("Network.enable");
    var conditions = new com.google.gson.JsonObject();
    conditions.addProperty("offline", false);
    conditions.addProperty("latency", 0);
    conditions.addProperty("downloadThroughput", -1);
    conditions.addProperty("uploadThroughput", bytesPerSecond);
    cdp.send("Network.emulateNetworkConditions", conditions);
  }

  /** Alice starts sending a file to Bob at 3 MiB/s; the transfer's row. */
  private static Locator slowUploadToBob(Page alice, Path file) {
    alice.navigate(stage.url());
    throttleUploads(alice, 3 << 20);
    button(alice, "Chat with Bob").click();
    alice.locator("[data-testid=attach-files]").setInputFiles(file);
    return alice.locator(".transfer").first();
  }

  /** The percentage the transfer's bar shows. */
  private static int percent(Locator transfer) {
    String value = transfer.getByRole(AriaRole.PROGRESSBAR).getAttribute("value");
    return value == null ? 0 : (int) Double.parseDouble(value);
  }

  private static void awaitPercent(Locator transfer, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (percent(transfer) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the upload stayed at " + percent(transfer) + "%");
      }
      Thread.sleep(100);
    }
  }

  /** Someone downloads the file of this name from the open chat and gets the same bytes. */
  private static void bobDownloadsTheSameBytes(Page bob, Path file) throws Exception {
    Locator link = messages(bob).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
        .setName("Download " + file.getFileName()));
    assertThat(link).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
        .IsVisibleOptions().setTimeout(120_000));
    Download download = bob.waitForDownload(link::click);
    assertThat(download.suggestedFilename()).isEqualTo(file.getFileName().toString());
    Path saved = file.resolveSibling(file.getFileName() + ".downloaded");
    download.saveAs(saved);
    assertThat(sha256(saved)).isEqualTo(sha256(file));
  }

  @Test
  @Timeout(300)
  void anUploadPausesResumesAndSurvivesAClosedTab() throws Exception {
    Path file = randomFile("会议录像.bin", 48, 11);
    Page[] friends = aliceAndBob();
    Page alice = friends[0];
    Page bob = friends[1];
    bob.navigate(stage.url());
    Locator transfer = slowUploadToBob(alice, file);
    awaitPercent(transfer, 10);
    assertThat(transfer).containsText("/s");

    // Pause: the bar stands still; resume: it goes on.
    button(alice, "Pause 会议录像.bin").click();
    assertThat(transfer).hasAttribute("data-phase", "paused");
    int paused = percent(transfer);
    Thread.sleep(1500);
    assertThat(percent(transfer)).isEqualTo(paused);
    alice.screenshot(new Page.ScreenshotOptions().setPath(
        Path.of("target", "screenshots", "file-paused.png")));
    button(alice, "Resume 会议录像.bin").click();
    awaitPercent(transfer, paused + 15);

    // The tab closes mid-upload; a new one offers to continue, and goes on from the server's
    // offset once the file is chosen again.
    var context = alice.context();
    alice.close();
    Page again = context.newPage();
    throttleUploads(again, 3 << 20);
    again.navigate(stage.url());
    button(again, "Chat with Bob").click();
    assertThat(again.getByText("Unfinished: 会议录像.bin (48 MB)")).isVisible();
    var chooser = again.waitForFileChooser(() -> again.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Choose the file to continue")).click());
    chooser.setFiles(file);
    Locator resumed = again.locator(".transfer[data-resumed-from]");
    assertThat(resumed).isVisible();
    long from = Long.parseLong(resumed.getAttribute("data-resumed-from"));
    assertThat(from).as("resumed from the server's offset").isGreaterThan(10L << 20);

    button(bob, "Chat with Alice").click();
    bobDownloadsTheSameBytes(bob, file);
  }

  @Test
  @Timeout(300)
  void anUploadGoesOnAfterTheServerIsKilled() throws Exception {
    Path file = randomFile("crash.bin", 40, 12);
    Page[] friends = aliceAndBob();
    Page alice = friends[0];
    Page bob = friends[1];
    Locator transfer = slowUploadToBob(alice, file);
    awaitPercent(transfer, 30);

    // kill -9 mid-upload; the server comes back at the same address and the upload goes on by
    // itself (tus-js-client retries, asks the offset, and sends the rest).
    stage.crashServerSamePort();
    assertThat(messages(alice).locator(".chat__file")).hasCount(1,
        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
            .setTimeout(120_000));
    bob.navigate(stage.url());
    button(bob, "Chat with Alice").click();
    bobDownloadsTheSameBytes(bob, file);
  }

  @Test
  @Timeout(240)
  void filesGoToAGroupAndIntoAMeetingsChat() throws Exception {
    Path photo = randomFile("合影.bin", 3, 21);
    Path slides = randomFile("slides.bin", 5, 22);

    // A group of three: what Alice sends, both others can download.
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    MeetingPage carolPage = stage.newPage();
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(MeetingPage.username("bob"), "Bob");
    carolPage.ui().signUp(MeetingPage.username("carol"), "Carol");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    Page carol = carolPage.page();
    ChatE2ETest.friends(alice, bob, "bob", stage);
    ChatE2ETest.friends(alice, carol, "carol", stage);
    for (Page p : java.util.List.of(alice, bob, carol)) {
      p.navigate(stage.url());
    }
    ChatE2ETest.createGroup(alice, "项目组", "Bob", "Carol");
    alice.locator("[data-testid=attach-files]").setInputFiles(photo);
    for (Page p : java.util.List.of(bob, carol)) {
      button(p, "Open the group chat 项目组").click();
      bobDownloadsTheSameBytes(p, photo);
    }

    // A meeting: Alice sends a file into its chat; Bob, in the meeting, downloads it.
    MeetingPage host = stage.newPage();
    MeetingPage guest = stage.newPage();
    String number = host.createMeeting("Host");
    guest.joinByNumber("Member", number);
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(guest.remoteTiles())
        .hasCount(1);
    button(host.page(), "Chat").click();
    Locator hostChat = host.page().getByRole(AriaRole.COMPLEMENTARY,
        new Page.GetByRoleOptions().setName("Meeting chat"));
    hostChat.locator("[data-testid=meeting-attach-files]").setInputFiles(slides);
    assertThat(hostChat.locator(".chat__file")).hasCount(1,
        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
            .setTimeout(60_000));
    button(guest.page(), "Chat").click();
    Locator memberChat = guest.page().getByRole(AriaRole.COMPLEMENTARY,
        new Page.GetByRoleOptions().setName("Meeting chat"));
    Locator link = memberChat.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
        .setName("Download slides.bin"));
    assertThat(link).isVisible();
    Download download = guest.page().waitForDownload(link::click);
    Path saved = slides.resolveSibling("slides.meeting.bin");
    download.saveAs(saved);
    assertThat(sha256(saved)).isEqualTo(sha256(slides));
    host.page().screenshot(new Page.ScreenshotOptions().setPath(
        Path.of("target", "screenshots", "file-meeting.png")));
    // Someone who was never in the meeting cannot read it.
    String fileId = hostChat.locator(".chat__file").getAttribute("data-file");
    assertThat(ChatE2ETest.api(carol, "GET", "api/v1/files/" + fileId, null, stage))
        .startsWith("404");
  }
}
