package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;

/**
 * The Kaihui web client driven the way a person uses it: by role and accessible name. Shared by
 * the browser tests and the benchmarks.
 *
 * @param page the person's page
 * @param baseUrl the server's base URL, ending in a slash
 */
public record MeetingUi(Page page, String baseUrl) {

  /** The password of every account these tools register: long, and on no common list. */
  public static final String PASSWORD = "Plum-Orchard-Lantern-7";

  /**
   * Registers an account through the REST API from this page (which is then signed in: the
   * session cookie is its context's). Faster than the form, for tests about something else; the
   * form has its own test. The request goes from the page itself, as Chromium runs where the
   * server is (in its network namespace) and Playwright's own HTTP client may not.
   *
   * @param username a fresh username
   * @param displayName the name to show
   * @throws IllegalStateException if the server refuses
   */
  public void signUp(String username, String displayName) {
    post("api/v1/accounts", Map.of("username", username, "password", PASSWORD,
        "displayName", displayName), 201);
  }

  /**
   * Signs in through the REST API from this page, as {@link #signUp} registers.
   *
   * @throws IllegalStateException if the server refuses
   */
  public void signIn(String username) {
    post("api/v1/session", Map.of("username", username, "password", PASSWORD,
        "rememberMe", false), 200);
  }

  private void post(String path, Map<String, Object> body, int expected) {
    if (!page.url().startsWith(baseUrl)) {
      page.navigate(baseUrl);
    }
    Object answer = page.evaluate("async ([url, body]) => { const r = await fetch(url, {"
        + " method: 'POST', body: JSON.stringify(body), headers: {'Content-Type':"
        + " 'application/json', 'X-Kaihui-Request': '1'}}); return r.status + ' '"
        + " + await r.text(); }", List.of(baseUrl + path, body));
    if (!String.valueOf(answer).startsWith(expected + " ")) {
      throw new IllegalStateException("POST " + path + ": " + answer);
    }
  }

  /**
   * Start page → "New meeting" → pre-join → "Join meeting", signed in; returns the 9-digit
   * number.
   *
   * @param allowGuests whether to tick "Allow guests to join by link" first
   */
  public String createMeeting(boolean allowGuests) {
    page.navigate(baseUrl);
    if (allowGuests) {
      page.getByLabel("Allow guests to join by link").check();
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New meeting")).click();
    page.waitForURL(url -> url.matches(".*/m/\\d{9}$"));
    String number = page.url().replaceAll(".*/m/(\\d{9})$", "$1");
    clickJoinMeeting();
    waitConnected();
    return number;
  }

  /** Start page → meeting number → "Join" → pre-join → "Join meeting". */
  public void joinByNumber(String number) {
    page.navigate(baseUrl);
    page.getByLabel("Meeting number").fill(number);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true))
        .click();
    page.waitForURL(url -> url.endsWith("/m/" + number));
    clickJoinMeeting();
    waitConnected();
  }

  /** Opens the meeting's link and waits until the camera preview plays. */
  public void openPreJoin(String number) {
    page.navigate(baseUrl + "m/" + number);
    page.waitForFunction("() => { const v = document.querySelector('video');"
        + " return v !== null && v.videoWidth > 0; }");
  }

  /**
   * Opens the meeting's link without an account, types the guest's name and waits until the
   * camera preview plays (the host must allow guests).
   */
  public void openPreJoinAsGuest(String number, String name) {
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
