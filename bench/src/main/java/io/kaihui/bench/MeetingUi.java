package io.kaihui.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Kaihui web client driven the way a person uses it: by role and accessible name (as the e2e
 * test's MeetingPage does).
 *
 * @param page the participant's page
 * @param baseUrl the server's base URL, ending in a slash
 */
public record MeetingUi(Page page, String baseUrl) {

  /** Start page → "New meeting" → pre-join → "Join meeting"; returns the 9-digit number. */
  public String createMeeting(String name) {
    page.navigate(baseUrl);
    page.getByLabel("Display name").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New meeting")).click();
    page.waitForURL(url -> url.matches(".*/m/\\d{9}$"));
    String number = page.url().replaceAll(".*/m/(\\d{9})$", "$1");
    clickJoinMeeting();
    waitConnected();
    return number;
  }

  /** Opens the meeting's link, fills in the name, and waits until the camera preview plays. */
  public void openPreJoin(String number, String name) {
    page.navigate(baseUrl + "m/" + number);
    page.getByLabel("Display name").fill(name);
    page.waitForFunction("() => { const v = document.querySelector('video');"
        + " return v !== null && v.videoWidth > 0; }");
  }

  /** Clicks "Join meeting" on the pre-join screen. */
  public void clickJoinMeeting() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join meeting")).click();
  }

  /** Waits until the meeting shows "connected" (the publish connection carries media). */
  public void waitConnected() {
    assertThat(page.locator("[role=status][data-state=connected]"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
  }

  /** Waits until {@code count} remote tiles show video with frames. */
  public void waitRemoteVideos(int count) {
    page.waitForFunction("n => [...document.querySelectorAll("
        + "'[role=group][data-participant-id]:not([data-local=true]) video')]"
        + ".filter(v => v.videoWidth > 0 && !v.hidden).length >= n", count,
        new Page.WaitForFunctionOptions().setTimeout(30_000));
  }
}
