package io.kaihui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three people meet through the UI (one creates the meeting, two join by number) while a fourth
 * holds a meeting of their own: each of the three decodes both others' video at 10 frames/s or
 * more with non-black pixels and hears both others; the fourth receives nothing of theirs; when
 * one leaves, the other two lose their tile within 2 s.
 */
class MeetingE2ETest {

  @RegisterExtension
  static final BrowserStage stage = new BrowserStage();

  @Test
  @Timeout(180)
  void threePeopleSeeAndHearEachOtherAndAnotherMeetingGetsNothing() throws Exception {
    MeetingPage alice = stage.newPage();
    MeetingPage bob = stage.newPage();
    MeetingPage carol = stage.newPage();
    MeetingPage dave = stage.newPage();
    String number = alice.createMeeting("Alice");
    bob.joinByNumber("Bob", number);
    carol.joinByNumber("Carol", number);
    String other = dave.createMeeting("Dave");
    assertThat(other).isNotEqualTo(number);

    for (MeetingPage p : List.of(alice, bob, carol)) {
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(p.remoteTiles())
          .hasCount(2);
    }

    // Decode rate: frames decoded over a 3 s window, per inbound video stream.
    Map<MeetingPage, Map<String, MeetingPage.Inbound>> before = snapshot(alice, bob, carol);
    Thread.sleep(3000);
    Map<MeetingPage, Map<String, MeetingPage.Inbound>> after = snapshot(alice, bob, carol);
    for (MeetingPage p : List.of(alice, bob, carol)) {
      var videos = after.get(p).entrySet().stream()
          .filter(e -> e.getValue().kind().equals("video") && e.getValue().packets() > 0)
          .toList();
      var audios = after.get(p).entrySet().stream()
          .filter(e -> e.getValue().kind().equals("audio") && e.getValue().packets() > 0)
          .toList();
      assertThat(videos).as("video streams received by a participant, server log:\n%s",
          stage.server().log()).hasSize(2);
      assertThat(audios).as("audio streams received").hasSize(2);
      for (var v : videos) {
        MeetingPage.Inbound was = before.get(p).get(v.getKey());
        long frames = v.getValue().frames() - (was == null ? 0 : was.frames());
        assertThat(frames / 3.0).as("decoded frames per second").isGreaterThanOrEqualTo(10.0);
      }
      for (var a : audios) {
        MeetingPage.Inbound was = before.get(p).get(a.getKey());
        double energy = a.getValue().energy() - (was == null ? 0 : was.energy());
        assertThat(energy).as("received audio energy over 3 s").isGreaterThan(0.0);
      }
      Map<String, Map<String, Number>> pixels = p.videoPixels();
      assertThat(pixels).hasSize(2);
      for (var e : pixels.values()) {
        assertThat(e.get("luma").doubleValue()).as("mean luma of a remote video")
            .isGreaterThan(20.0);
        assertThat(e.get("bright").doubleValue()).as("share of non-dark pixels")
            .isGreaterThan(0.2);
      }
    }

    // The other meeting received none of this meeting's media.
    assertThat(dave.remoteTiles().count()).isZero();
    assertThat(dave.inbound().values()).allSatisfy(s -> assertThat(s.packets()).isZero());

    // Carol leaves: her tile disappears from Alice's and Bob's screens within 2 s.
    carol.leave();
    long left = System.nanoTime();
    for (MeetingPage p : List.of(alice, bob)) {
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(p.remoteTiles())
          .hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions
              .HasCountOptions().setTimeout(2000));
    }
    assertThat((System.nanoTime() - left) / 1e6).as("ms until both saw Carol leave")
        .isLessThan(2000.0);

    // Bob's page reloads: he can join again at once, and Alice sees only the new Bob.
    String oldBob = alice.remoteParticipantIds().get(0);
    bob.page().reload();
    bob.joinAgainFromPreJoin();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(alice.remoteTiles())
        .hasCount(1);
    assertThat(alice.remoteParticipantIds()).doesNotContain(oldBob);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (alice.videoPixels().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(alice.videoPixels()).as("Alice sees the rejoined Bob's video").hasSize(1);

    // Bob closes his tab: Alice is told he left.
    bob.closeTab();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(alice.remoteTiles())
        .hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions
            .HasCountOptions().setTimeout(10_000));
  }

  private static Map<MeetingPage, Map<String, MeetingPage.Inbound>> snapshot(
      MeetingPage... pages) {
    Map<MeetingPage, Map<String, MeetingPage.Inbound>> out = new java.util.HashMap<>();
    for (MeetingPage p : pages) {
      out.put(p, p.inbound());
    }
    return out;
  }
}
