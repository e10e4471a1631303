package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaihui.e2e.MeetingPage.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts as a person meets them, in Chromium: register through the form, sign in, edit the
 * profile and avatar and see them in the header, be signed out live when the account signs in
 * elsewhere; and meetings of signed-in people, which guests join by link only when the host
 * allows it, and which the host ends for everyone.
 */
class AccountE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage();

  /** The /register form, filled and sent; ends on the start page, signed in. */
  private static void register(Page page, String username, String displayName) {
    page.navigate(stage.url() + "register");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(MeetingUi.PASSWORD);
    page.getByLabel("Confirm password").fill(MeetingUi.PASSWORD);
    page.getByLabel("Display name").fill(displayName);
    button(page, "Create account").click();
    assertThat(accountMenu(page, displayName)).isVisible();
  }

  private static Locator accountMenu(Page page, String displayName) {
    return button(page, "Account: " + displayName);
  }

  @Test
  @Timeout(180)
  void registerSignInEditTheProfileAndGetSignedOutWhenSignedInElsewhere() throws Exception {
    MeetingPage first = stage.newPage();
    MeetingPage second = stage.newPage();
    MeetingPage other = stage.newPage();
    String alice = MeetingPage.username("alice");
    Page page = first.page();
    register(page, alice, "Alice");
    register(other.page(), MeetingPage.username("bob"), "Bob");
    assertThat(page.locator("[data-presence=online]")).isVisible();

    // Sign out, and back in through the form.
    accountMenu(page, "Alice").click();
    button(page, "Sign out").click();
    page.navigate(stage.url() + "login");
    page.getByLabel("Username").fill(alice);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(MeetingUi.PASSWORD);
    button(page, "Sign in").click();
    assertThat(accountMenu(page, "Alice")).isVisible();

    // Profile: a new display name and an avatar, both shown in the header.
    page.navigate(stage.url() + "profile");
    page.getByLabel("Display name").fill("Alice Wang");
    button(page, "Save").click();
    assertThat(accountMenu(page, "Alice Wang")).isVisible();
    page.locator("input[type=file]").setInputFiles(new FilePayload("me.png", "image/png",
        png()));
    button(page, "Upload avatar").click();
    assertThat(page.getByText("Avatar updated.")).isVisible();
    Locator headerAvatar = accountMenu(page, "Alice Wang").locator("img");
    assertThat(headerAvatar).hasAttribute("src",
        java.util.regex.Pattern.compile("/api/v1/users/\\d+/avatar\\?v="));
    page.navigate(stage.url());
    assertThat(page.locator("[data-presence=online]")).isVisible();

    // The same account signs in from another browser: the first is told at once, without
    // reloading, and lands on the sign-in page.
    second.ui().signIn(alice);
    assertThat(page.getByText(
        "You were signed out because this account signed in elsewhere")).isVisible(
        new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    page.waitForURL(url -> url.contains("/login"));
    // Bob, another account, was not touched.
    assertThat(accountMenu(other.page(), "Bob")).isVisible();
  }

  @Test
  @Timeout(180)
  void signedInPeopleMeetAndAGuestJoinsOnlyWhenTheHostAllowsIt() throws Exception {
    MeetingPage host = stage.newPage();
    MeetingPage member = stage.newPage();
    MeetingPage guest = stage.newPage();
    String number = host.createMeeting("Hana");
    member.joinByNumber("Mei", number);
    assertThat(host.remoteTiles()).hasCount(1);
    assertThat(member.remoteTiles()).hasCount(1);
    member.ui().waitRemoteVideos(1);

    // Without an account, the link asks to sign in.
    guest.page().navigate(stage.url() + "m/" + number);
    assertThat(guest.page().locator("[data-state=sign-in-required]")).isVisible();
    assertThat(button(guest.page(), "Join meeting")).hasCount(0);

    // The host lets guests in; the guest joins by name.
    host.page().getByLabel("Allow guests").check();
    guest.page().reload();
    guest.ui().openPreJoinAsGuest(number, "Visitor");
    guest.ui().clickJoinMeeting();
    guest.ui().waitConnected();
    assertThat(host.remoteTiles()).hasCount(2);
    assertThat(guest.remoteTiles()).hasCount(2);

    // The host ends the meeting for everyone.
    button(host.page(), "End meeting for everyone").click();
    host.page().getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("End meeting").setExact(true)).click();
    for (MeetingPage p : java.util.List.of(host, member, guest)) {
      assertThat(p.page().locator("[role=status][data-state=ended]")).isVisible();
    }

    // It is in the host's and the member's past meetings.
    for (MeetingPage p : java.util.List.of(host, member)) {
      p.page().navigate(stage.url());
      Locator recent = p.page().getByRole(AriaRole.LIST,
          new Page.GetByRoleOptions().setName("Recent meetings"));
      assertThat(recent).containsText("Hana");
      assertThat(recent).containsText("Mei");
      assertThat(recent).containsText("Visitor");
    }
  }

  /** A 64×64 PNG: a blue square on white. */
  private static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 64, 64);
    g.setColor(new Color(30, 90, 200));
    g.fillRect(16, 16, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
