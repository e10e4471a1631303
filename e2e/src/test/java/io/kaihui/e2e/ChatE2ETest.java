package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaihui.e2e.MeetingPage.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One-to-one chat as two friends use it in Chromium: live both ways with typing and read marks;
 * and, while one is signed out, three messages that wait and arrive in order at the next
 * sign-in, with an unread badge and the count in the tab's title.
 */
class ChatE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage();

  /**
   * A request to the API from the page itself (it runs where the server is).
   *
   * @param json the body as JSON text, or null
   * @return the status and the body, e.g. "201 {...}"
   */
  static String api(Page page, String method, String path, String json) {
    return api(page, method, path, json, stage);
  }

  /** {@link #api(Page, String, String, String)} against another test class's stage. */
  static String api(Page page, String method, String path, String json, BrowserStage stage) {
    Object answer = page.evaluate("async ([method, url, body]) => { const r = await fetch(url, {"
        + " method, body: body === null ? undefined : body, headers:"
        + " {'Content-Type': 'application/json', 'X-Kaihui-Request': '1'}}); return r.status"
        + " + ' ' + await r.text(); }", java.util.Arrays.asList(method, stage.url() + path, json));
    return String.valueOf(answer);
  }

  private static long id(String answer, String field) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)")
        .matcher(answer);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + answer);
    }
    return Long.parseLong(m.group(1));
  }

  /** Registers two people from their pages and makes them friends; returns their user ids. */
  static long[] friends(Page alice, Page bob, String bobName) {
    return friends(alice, bob, bobName, stage);
  }

  /** {@link #friends(Page, Page, String)} against another test class's stage. */
  static long[] friends(Page alice, Page bob, String bobName, BrowserStage stage) {
    long aliceId = id(api(alice, "GET", "api/v1/me", null, stage), "userId");
    long bobId = id(api(bob, "GET", "api/v1/me", null, stage), "userId");
    String sent = api(alice, "POST", "api/v1/friend-requests", "{\"toUserId\":" + bobId + "}",
        stage);
    String accepted = api(bob, "POST", "api/v1/friend-requests/" + id(sent, "requestId")
        + "/accept", null, stage);
    if (!accepted.startsWith("204")) {
      throw new IllegalStateException("accept: " + accepted + " after " + sent + " " + bobName);
    }
    return new long[] {aliceId, bobId};
  }

  /** Makes a group chat of some of the page's friends, by their display names. */
  static void createGroup(Page page, String title, String... friendNames) {
    button(page, "New group chat").click();
    page.getByLabel("Group name").fill(title);
    for (String name : friendNames) {
      page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name)).check();
    }
    button(page, "Create group").click();
  }

  private static Locator messages(Page page) {
    return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages"));
  }

  private static void send(Page page, String text) {
    page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill(text);
    page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).press("Enter");
  }

  @Test
  @Timeout(180)
  void friendsChatLiveAndMessagesWaitForWhoeverIsSignedOut() {
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(bobName, "Bob");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    friends(alice, bob, bobName);
    alice.navigate(stage.url());
    bob.navigate(stage.url());

    // Alice opens the chat with Bob and writes; Bob sees it at once, unread, and opens it.
    button(alice, "Chat with Bob").click();
    send(alice, "你好 Bob 👋");
    assertThat(messages(alice).locator("[data-status=sent]")).hasCount(1);
    assertThat(bob.getByLabel("1 unread message")).isVisible();
    button(bob, "Chat with Alice").click();
    assertThat(messages(bob)).containsText("你好 Bob 👋");
    // Alice sees that Bob read it.
    assertThat(messages(alice).locator("[data-receipt=read]")).isVisible();

    // Bob types: Alice sees it; Bob answers with an emoji from the picker.
    bob.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).pressSequentially("Hi");
    assertThat(alice.getByText("typing…")).isVisible();
    button(bob, "Emoji").click();
    button(bob, "🎉").click();
    button(bob, "Send").click();
    assertThat(messages(alice)).containsText("Hi🎉");
    alice.screenshot(new Page.ScreenshotOptions().setPath(
        Path.of("target", "screenshots", "chat-alice.png")));

    // Bob signs out; Alice sends three messages; at his next sign-in they wait, in order.
    api(bob, "DELETE", "api/v1/session", null);
    for (String text : List.of("one", "two", "three")) {
      send(alice, text);
    }
    assertThat(messages(alice).locator("[data-status=sent]")).hasCount(5);
    bobPage.ui().signIn(bobName);
    bob.navigate(stage.url());
    assertThat(bob.getByLabel("3 unread messages")).isVisible();
    assertThat(bob).hasTitle(java.util.regex.Pattern.compile("^\\(3\\) "));
    button(bob, "Chat with Alice").click();
    Locator bubbles = messages(bob).locator(".chat__bubble");
    assertThat(bubbles).hasText(new String[] {"你好 Bob 👋", "Hi🎉", "one", "two", "three"});
    assertThat(bob).hasTitle(java.util.regex.Pattern.compile("^[^(]"));
  }

  @Test
  @Timeout(180)
  void messagesAcknowledgedBeforeACrashAreDeliveredAfterTheRestart() throws Exception {
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(bobName, "Bob");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    long[] ids = friends(alice, bob, bobName);
    long conversation = id(api(alice, "POST", "api/v1/conversations/direct",
        "{\"userId\":" + ids[1] + "}"), "conversationId");

    // Twenty messages, each acknowledged (201: stored), then kill -9 at once.
    List<String> sent = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      String text = "before the crash " + i;
      String answer = api(alice, "POST", "api/v1/conversations/" + conversation + "/messages",
          "{\"clientId\":\"" + java.util.UUID.randomUUID() + "\",\"text\":\"" + text
              + "\"}");
      if (!answer.startsWith("201 ")) {
        throw new IllegalStateException("message " + i + " not acknowledged: " + answer);
      }
      sent.add(text);
    }
    stage.crashServer();

    // Bob comes back (his session survived too) and finds all twenty, in order.
    bob.navigate(stage.url());
    assertThat(bob.getByLabel("20 unread messages")).isVisible();
    button(bob, "Chat with Alice").click();
    assertThat(messages(bob).locator(".chat__bubble")).hasText(sent.toArray(String[]::new));
  }

  @Test
  @Timeout(180)
  void threeFriendsHoldAGroupChat() {
    MeetingPage alicePage = stage.newPage();
    MeetingPage bobPage = stage.newPage();
    MeetingPage carolPage = stage.newPage();
    alicePage.ui().signUp(MeetingPage.username("alice"), "Alice");
    bobPage.ui().signUp(MeetingPage.username("bob"), "Bob");
    carolPage.ui().signUp(MeetingPage.username("carol"), "Carol");
    Page alice = alicePage.page();
    Page bob = bobPage.page();
    Page carol = carolPage.page();
    friends(alice, bob, "bob");
    friends(alice, carol, "carol");
    for (Page p : List.of(alice, bob, carol)) {
      p.navigate(stage.url());
    }

    // Alice makes the group with both of them and writes.
    createGroup(alice, "周末爬山", "Bob", "Carol");
    assertThat(alice.getByText("Alice created the group “周末爬山”")).isVisible();
    send(alice, "Saturday 8:00?");

    // Both see it live, with who wrote it; Carol answers, and everyone sees that.
    for (Page p : List.of(bob, carol)) {
      assertThat(p.getByLabel("1 unread message")).isVisible();
      button(p, "Open the group chat 周末爬山").click();
      assertThat(messages(p)).containsText("Saturday 8:00?");
      assertThat(messages(p).locator(".chat__sender").last()).hasText("Alice");
    }
    send(carol, "OK 👍");
    assertThat(messages(alice)).containsText("OK 👍");
    assertThat(messages(bob)).containsText("OK 👍");

    // Bob leaves: the others are told; Bob's chat closes and the group is gone from his list.
    bob.onDialog(d -> d.accept());
    button(bob, "Members and settings").click();
    button(bob, "Leave group").click();
    assertThat(messages(alice)).containsText("Bob left the group");
    assertThat(bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Open the group chat 周末爬山"))).hasCount(0);
  }

  @Test
  @Timeout(180)
  void theMeetingChatReachesEveryoneOrOnePersonAndStaysWithTheMeeting() {
    MeetingPage alice = stage.newPage();
    MeetingPage bob = stage.newPage();
    MeetingPage carol = stage.newPage();
    String number = alice.createMeeting("Alice");
    bob.joinByNumber("Bob", number);
    carol.joinByNumber("Carol", number);
    for (MeetingPage p : List.of(alice, bob, carol)) {
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(p.remoteTiles())
          .hasCount(2);
    }

    // Alice writes to everyone, then privately to Bob.
    Page a = alice.page();
    button(a, "Chat").click();
    Locator aliceChat = a.getByRole(AriaRole.COMPLEMENTARY,
        new Page.GetByRoleOptions().setName("Meeting chat"));
    Locator aliceText = aliceChat.getByLabel("Chat message",
        new Locator.GetByLabelOptions().setExact(true));
    aliceText.fill("会议开始了");
    aliceText.press("Enter");
    aliceChat.getByLabel("To").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Bob"));
    aliceText.fill("Bob, a word with you");
    aliceText.press("Enter");
    assertThat(aliceChat.getByText("privately to Bob")).isVisible();

    // Bob sees both (the second marked private); Carol only the first, with an unread badge.
    for (MeetingPage p : List.of(bob, carol)) {
      Locator chatButton = p.page().getByRole(AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Chat"));
      assertThat(chatButton).containsText(p == bob ? "2" : "1");
      chatButton.click();
    }
    Locator bobChat = bob.page().getByRole(AriaRole.COMPLEMENTARY,
        new Page.GetByRoleOptions().setName("Meeting chat"));
    assertThat(bobChat).containsText("会议开始了");
    assertThat(bobChat).containsText("Bob, a word with you");
    assertThat(bobChat.getByText("privately to you")).isVisible();
    Locator carolChat = carol.page().getByRole(AriaRole.COMPLEMENTARY,
        new Page.GetByRoleOptions().setName("Meeting chat"));
    assertThat(carolChat).containsText("会议开始了");
    assertThat(carolChat).not().containsText("a word with you");

    // Afterwards, from Recent meetings: Carol reads the public part, Bob both.
    for (MeetingPage p : List.of(alice, bob, carol)) {
      p.leave();
    }
    carol.page().navigate(stage.url());
    carol.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat")
        .setExact(true)).first().click();
    Locator transcript = carol.page().getByRole(AriaRole.LIST,
        new Page.GetByRoleOptions().setName("Chat").setExact(true));
    assertThat(transcript).containsText("Alice: 会议开始了");
    assertThat(transcript).not().containsText("a word with you");
    bob.page().navigate(stage.url());
    bob.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat")
        .setExact(true)).first().click();
    assertThat(bob.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Chat")
        .setExact(true))).containsText("Alice → Bob: Bob, a word with you");
  }
}
