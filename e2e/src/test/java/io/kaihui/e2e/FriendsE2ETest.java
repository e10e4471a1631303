package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaihui.e2e.MeetingPage.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Friends as two people meet them in Chromium: one finds the other by name and asks with a note;
 * the other sees the request at once, accepts it; each sees the other in "My friends" with live
 * presence, and sees them go offline when their tab closes.
 */
class FriendsE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage();

  private static Locator friendsList(Page page) {
    return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("My friends")
        .setExact(true));
  }

  @Test
  @Timeout(180)
  void twoPeopleBecomeFriendsAndSeeEachOthersPresence() {
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(bobName, "Bob 王");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    alice.navigate(stage.url());
    bob.navigate(stage.url());
    assertThat(alice.getByText("No friends yet.", new Page.GetByTextOptions())).isVisible();

    // Alice finds Bob by his username and asks, with a note.
    alice.getByLabel("Find people").fill(bobName);
    button(alice, "Search").click();
    button(alice, "Add Bob 王 as a friend").click();
    alice.getByLabel("Note (optional)").fill("我是 Alice");
    button(alice, "Send request").click();
    assertThat(alice.getByText("Request sent to Bob 王")).isVisible();
    assertThat(alice.getByText("Waiting for an answer")).isVisible();

    // Bob sees it without reloading, and accepts.
    Locator requests = bob.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
        .setName("Friend requests"));
    assertThat(requests).containsText("我是 Alice");
    button(bob, "Accept Alice").click();
    assertThat(friendsList(bob)).containsText("Alice");
    assertThat(requests).isHidden();

    // Alice is told at once: Bob is in her friends, online.
    Locator bobRow = friendsList(alice).getByRole(AriaRole.LISTITEM)
        .filter(new Locator.FilterOptions().setHasText("Bob 王"));
    assertThat(bobRow).hasAttribute("data-presence", "online");
    assertThat(alice.getByText("1 of 1 online")).isVisible();
    alice.screenshot(new Page.ScreenshotOptions().setPath(
        Path.of("target", "screenshots", "friends-alice.png")).setFullPage(true));

    // Bob closes his tab: Alice sees him go offline (his socket closes with the tab).
    bobPage.closeTab();
    assertThat(bobRow).hasAttribute("data-presence", "offline",
        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
            .setTimeout(40_000));
    assertThat(alice.getByText("0 of 1 online")).isVisible();
  }
}
