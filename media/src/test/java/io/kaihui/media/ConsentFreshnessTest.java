package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.LoopbackSfu;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.SyntheticParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consent freshness (RFC 7675 §5.1) with a 2-second consent timeout: a transport whose browser
 * stops its STUN checks is closed with {@code ice consent expired}; transports whose browsers keep
 * checking stay; and the timeout does not run before the transport was negotiated, because the
 * browser cannot start ICE before it has the SDP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConsentFreshnessTest {

  private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu(CONSENT_TIMEOUT);

  @Test
  void aBrowserThatStopsCheckingIsClosedAndTheOthersStay() throws Exception {
    Member silent = joinAndPublish("silent");
    Member b = joinAndPublish("b");
    Member c = joinAndPublish("c");
    awaitReceives(b, c, 5);
    awaitReceives(b, silent, 5);
    long expiredBefore = sfu.engine().counter(MediaCounter.CONSENT_EXPIRED);

    silent.participant().stopConsent();
    long stayUntil = System.nanoTime() + CONSENT_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(1);

    Await.until(WAIT, () -> "both transports of the silent participant close: "
        + silent.closeReasons(), () -> silent.closeReasons().size() == 2);
    assertThat(silent.closeReasons()).containsExactly("ice consent expired", "ice consent expired");
    assertThat(sfu.engine().counter(MediaCounter.CONSENT_EXPIRED)).isEqualTo(expiredBefore + 2);
    assertThat(sfu.engine().call(() -> silent.publishTransport().isClosed()
        && silent.subscribeTransport().isClosed()).join()).isTrue();
    // The SFU says goodbye with DTLS close_notify, which a browser takes as the end of the call.
    Await.until(WAIT, "close_notify reaches the silent browser", () ->
        silent.participant().publishConnection().dtlsClosedByServer()
            && silent.participant().subscribeConnection().dtlsClosedByServer());

    // Those who keep checking stay, and their media keeps flowing, for longer than a timeout.
    ReceivedStream cAtB = b.participant().subscribeConnection()
        .stream(audioOf(b, c).ssrc());
    long before = cAtB.packets();
    Await.until(WAIT, "c's audio keeps reaching b for a consent timeout and more", () ->
        System.nanoTime() > stayUntil && cAtB.packets() > before + 10);
    assertThat(b.closeReasons()).isEmpty();
    assertThat(c.closeReasons()).isEmpty();
    assertThat(sfu.engine().counter(MediaCounter.CONSENT_EXPIRED)).isEqualTo(expiredBefore + 2);
    // The silent participant's producers went with its transports.
    assertThat(sfu.engine().call(() -> sfu.meeting().router().producers()).join())
        .extracting(Producer::transport)
        .containsOnly(b.publishTransport(), c.publishTransport());
  }

  @Test
  void theConsentClockStartsWithTheFirstSdp() throws Exception {
    // A transport whose answer never reaches its browser: no STUN will ever come.
    List<String> unanswered = new CopyOnWriteArrayList<>();
    SyntheticParticipant lost = new SyntheticParticipant("lost",
        SyntheticParticipant.Options.chromium());
    try {
      WebRtcTransport t = sfu.engine().call(() -> sfu.meeting().router().createWebRtcTransport(
          new WebRtcTransport.Listener() {
            @Override
            public void onTransportConnected(WebRtcTransport transport) {
              unanswered.add("connected");
            }

            @Override
            public void onTransportClosed(WebRtcTransport transport, String reason) {
              unanswered.add(reason);
            }
          })).join();
      String offer = lost.createPublishOffer();
      sfu.engine().call(() -> t.answerPublishOffer(offer)).join();

      // Alone in the meeting, the first participant's subscribe transport has nothing to offer:
      // its browser has no SDP for it and cannot start ICE. That is no reason to close it.
      Member first = joinAndPublish("first");
      long deadline = System.nanoTime() + CONSENT_TIMEOUT.toNanos()
          + TimeUnit.MILLISECONDS.toNanos(1500);
      Await.until(WAIT, () -> "more than a consent timeout passes and the unanswered transport"
          + " closes: " + unanswered, () -> System.nanoTime() > deadline && !unanswered.isEmpty());
      assertThat(unanswered).containsExactly("ice never connected");
      assertThat(first.closeReasons()).isEmpty();

      Member second = joinAndPublish("second");
      awaitReceives(first, second, 10);
      awaitReceives(second, first, 10);
      assertThat(first.closeReasons()).isEmpty();
      assertThat(second.closeReasons()).isEmpty();
    } finally {
      lost.close();
    }
  }

  private Member joinAndPublish(String name) throws SdpNegotiationException {
    SyntheticParticipant p = new SyntheticParticipant(name, SyntheticParticipant.Options.chromium()
        .withConsentInterval(Duration.ofMillis(500)));
    Member m = sfu.meeting().join(p);
    sfu.meeting().publish(m);
    p.startMedia();
    return m;
  }

  private static OfferedTrack audioOf(Member subscriber, Member publisher) {
    return subscriber.participant().activeSubscribedTracks().stream()
        .filter(t -> t.streamId().equals(publisher.id()) && t.kind() == MediaKind.AUDIO)
        .findFirst().orElseThrow();
  }

  private static void awaitReceives(Member subscriber, Member publisher, long packets) {
    Await.until(WAIT, () -> subscriber + " receives " + publisher + ": "
        + subscriber.participant().subscribeConnection().streams().values(), () -> {
          List<OfferedTrack> tracks = new ArrayList<>();
          for (OfferedTrack t : subscriber.participant().activeSubscribedTracks()) {
            if (t.streamId().equals(publisher.id())) {
              tracks.add(t);
            }
          }
          if (tracks.size() != 2) {
            return false;
          }
          for (OfferedTrack t : tracks) {
            ReceivedStream s = subscriber.participant().subscribeConnection().stream(t.ssrc());
            if (s == null || s.packets() < packets) {
              return false;
            }
          }
          return true;
        });
  }
}
