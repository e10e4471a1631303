package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaihui.e2e.MeetingPage.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One-to-one calls as two friends make them in Chromium: a call that is accepted puts both
 * into a private meeting where each sees and hears the other; a declined call and an
 * unanswered one (rings 5 s here) end for both; every outcome is a record in their chat.
 */
class CallE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage(List.of("--call-ring-seconds=5"));

  /** Two friends on their start pages: [alice, bob]. */
  private static MeetingPage[] friends() {
    MeetingPage alice = stage.newPage();
    MeetingPage bob = stage.newPage();
    String bobName = MeetingPage.username("bob");
    alice.ui().signUp(MeetingPage.username("alice"), "Alice");
    bob.ui().signUp(bobName, "Bob");
    ChatE2ETest.friends(alice.page(), bob.page(), bobName, stage);
    alice.page().navigate(stage.url());
    bob.page().navigate(stage.url());
    return new MeetingPage[] {alice, bob};
  }

  @Test
  @Timeout(180)
  void anAcceptedCallLetsBothSeeAndHearEachOther() throws Exception {
    MeetingPage[] two = friends();
    Page alice = two[0].page();
    Page bob = two[1].page();
    button(alice, "Call Bob").click();
    assertThat(alice.getByText("Calling Bob…")).isVisible();
    Locator ringing = bob.getByRole(AriaRole.ALERTDIALOG,
        new Page.GetByRoleOptions().setName("Alice is calling you"));
    assertThat(ringing).isVisible();
    bob.screenshot(new Page.ScreenshotOptions().setPath(
        java.nio.file.Path.of("target", "screenshots", "call-incoming.png")));
    button(bob, "Accept").click();

    // Both land on the call's pre-join screen and join.
    for (MeetingPage p : two) {
      p.page().waitForURL(url -> url.contains("/m/"));
      p.page().waitForFunction("() => { const v = document.querySelector('video');"
          + " return v !== null && v.videoWidth > 0; }");
      p.ui().clickJoinMeeting();
    }
    for (MeetingPage p : two) {
      p.ui().waitConnected();
      p.ui().waitRemoteVideos(1);
    }
    Thread.sleep(2000);
    for (MeetingPage p : two) {
      var inbound = p.inbound().values();
      org.assertj.core.api.Assertions.assertThat(inbound)
          .as("a video and an audio stream with packets")
          .anyMatch(i -> i.kind().equals("video") && i.frames() > 0)
          .anyMatch(i -> i.kind().equals("audio") && i.energy() > 0);
    }
    // The call is nobody else's: a third person cannot look it up.
    String number = alice.url().replaceAll(".*/m/(\\d+).*", "$1");
    MeetingPage carol = stage.newPage();
    carol.ui().signUp(MeetingPage.username("carol"), "Carol");
    org.assertj.core.api.Assertions.assertThat(
        ChatE2ETest.api(carol.page(), "GET", "api/v1/meetings/" + number, null, stage))
        .startsWith("404 ");
  }

  @Test
  @Timeout(180)
  void aDeclinedAndAnUnansweredCallEndForBothAndAreKept() {
    MeetingPage[] two = friends();
    Page alice = two[0].page();
    Page bob = two[1].page();
    button(alice, "Call Bob").click();
    button(bob, "Decline").click();
    assertThat(alice.getByText("Bob declined the call.")).isVisible();

    button(alice, "Call Bob").click();
    assertThat(bob.getByRole(AriaRole.ALERTDIALOG)).isVisible();
    // Nobody answers: after 5 s it is a missed call, for both.
    assertThat(alice.getByText("No answer: missed call."))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
    assertThat(bob.getByRole(AriaRole.ALERTDIALOG)).isHidden();

    // Both outcomes are in the chat, for both.
    for (Page p : List.of(alice, bob)) {
      button(p, p == alice ? "Chat with Bob" : "Chat with Alice").click();
      Locator records = p.locator(".chat__call");
      assertThat(records).hasCount(2);
      assertThat(records.nth(0)).hasAttribute("data-call", "declined");
      assertThat(records.nth(1)).hasAttribute("data-call", "missed");
    }
  }

  @Test
  @Timeout(180)
  void aFriendInvitedIntoARunningMeetingJoinsIt() {
    MeetingPage[] two = friends();
    Page alice = two[0].page();
    Page bob = two[1].page();
    String number = two[0].ui().createMeeting(false);
    alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Participants"))
        .click();
    button(alice, "Invite Bob").click();
    assertThat(button(alice, "Invite Bob")).hasText("Invited");

    Locator invitation = bob.getByRole(AriaRole.ALERTDIALOG,
        new Page.GetByRoleOptions().setName("Alice invites you into a meeting"));
    assertThat(invitation).isVisible();
    invitation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join")).click();
    bob.waitForURL(url -> url.endsWith("/m/" + number));
    two[1].ui().clickJoinMeeting();
    two[1].ui().waitConnected();
    assertThat(two[0].remoteTiles()).hasCount(1);
  }
}
