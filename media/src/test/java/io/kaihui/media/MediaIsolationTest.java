package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.LoopbackSfu;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.media.testing.SyntheticPeerConnection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two meetings on one engine and one UDP port: nothing of one reaches a participant of the
 * other. Every datagram a participant receives is accounted for (STUN, DTLS, decrypted RTP and
 * RTCP), and every RTP packet carries the tag of a publisher of its own meeting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaIsolationTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu();

  private LoopbackMeeting meetingA;
  private LoopbackMeeting meetingB;

  @BeforeEach
  void start() {
    meetingA = sfu.meeting();
    meetingB = sfu.newMeeting();
  }

  @Test
  void nothingOfOneRouterReachesAParticipantOfAnother() throws Exception {
    List<Member> a = List.of(joinAndPublish(meetingA, "a1"), joinAndPublish(meetingA, "a2"),
        joinAndPublish(meetingA, "a3"));
    List<Member> b = List.of(joinAndPublish(meetingB, "b1"), joinAndPublish(meetingB, "b2"),
        joinAndPublish(meetingB, "b3"));
    for (Member m : a) {
      awaitEveryTrack(m, 10);
    }
    for (Member m : b) {
      awaitEveryTrack(m, 10);
    }
    for (Member m : a) {
      m.participant().stopMedia();
    }
    for (Member m : b) {
      m.participant().stopMedia();
    }
    Thread.sleep(300);  // the last packets and reports land

    assertIsolated(a, b);
    assertIsolated(b, a);
  }

  @Test
  void aRouterRefusesToConsumeAnotherRoutersProducer() throws Exception {
    Member a1 = joinAndPublish(meetingA, "a1");
    Member b1 = meetingB.join(
        new SyntheticParticipant("b1", SyntheticParticipant.Options.chromium()));
    Producer foreign = sfu.engine().call(() -> a1.publishTransport().producers().getFirst()).join();
    for (Router router : List.of(meetingA.router(), meetingB.router())) {
      assertThatThrownBy(() -> {
        try {
          sfu.engine().call(() -> router.consume(foreign, b1.subscribeTransport(), "a1")).join();
        } catch (CompletionException e) {
          throw e.getCause();
        }
      }).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(sfu.engine().call(() -> b1.subscribeTransport().consumers()).join()).isEmpty();
    assertThat(sfu.engine().call(() -> b1.subscribeTransport().subscribeOffer()).join()).isNull();
  }

  private static void assertIsolated(List<Member> meeting, List<Member> other) {
    Set<Long> ownSsrcs = new HashSet<>();
    for (Member m : meeting) {
      ownSsrcs.add(m.participant().audioSsrc());
      ownSsrcs.add(m.participant().videoSsrc());
    }
    Set<Long> foreignSsrcs = new HashSet<>();
    for (Member m : other) {
      foreignSsrcs.add(m.participant().audioSsrc());
      foreignSsrcs.add(m.participant().videoSsrc());
    }
    for (Member m : meeting) {
      for (SyntheticPeerConnection pc : List.of(m.participant().publishConnection(),
          m.participant().subscribeConnection())) {
        assertThat(pc.datagramsReceived()).as("%s receives", pc).isPositive();
        // Reports and check responses still come: compare between two datagrams.
        Await.until(WAIT, () -> "every datagram " + pc + " received is accounted for: "
            + pc.datagramsReceived() + " received, " + accounted(pc) + " accounted for",
            () -> accounted(pc) == pc.datagramsReceived());
        assertThat(pc.srtpBeforeKeys()).as("%s", pc).isZero();
        assertThat(pc.stunOther()).as("%s", pc).isZero();
        assertThat(pc.srtpFailures()).as("%s", pc).isZero();
        assertThat(pc.rtcpMalformed()).as("%s", pc).isZero();
        assertThat(pc.unknownDatagrams()).as("%s", pc).isZero();
        assertThat(pc.datagramsFromStrangers()).as("%s", pc).isZero();
        assertThat(pc.receiveError()).as("%s", pc).isNull();
      }
      assertThat(m.participant().publishConnection().rtpReceived()).isZero();

      Set<Long> expected = new HashSet<>(ownSsrcs);
      expected.remove(m.participant().audioSsrc());
      expected.remove(m.participant().videoSsrc());
      Set<Long> origins = new HashSet<>();
      long packets = 0;
      for (ReceivedStream s : m.participant().subscribeConnection().streams().values()) {
        assertThat(s.untaggedPackets()).isZero();
        origins.addAll(s.originSsrcs());
        packets += s.packets();
      }
      assertThat(origins).as("publishers heard by %s", m).isEqualTo(expected)
          .doesNotContainAnyElementsOf(foreignSsrcs);
      assertThat(packets).isEqualTo(m.participant().subscribeConnection().rtpReceived());
      Set<Long> offered = new HashSet<>();
      for (OfferedTrack t : m.participant().activeSubscribedTracks()) {
        offered.add(t.ssrc());
      }
      assertThat(m.participant().subscribeConnection().streams().keySet()).isEqualTo(offered);
    }
  }

  /** Datagrams that were STUN responses to our checks, DTLS, or decrypted RTP and RTCP. */
  private static long accounted(SyntheticPeerConnection pc) {
    return pc.stunSuccesses() + pc.dtlsDatagrams() + pc.rtpReceived() + pc.rtcpReceived();
  }

  private static Member joinAndPublish(LoopbackMeeting meeting, String name)
      throws SdpNegotiationException {
    Member m = meeting.join(
        new SyntheticParticipant(name, SyntheticParticipant.Options.chromium()));
    meeting.publish(m);
    m.participant().startMedia();
    return m;
  }

  private static void awaitEveryTrack(Member m, long packets) {
    Await.until(WAIT, () -> m + " receives every track of its meeting: "
        + m.participant().subscribeConnection().streams().values(), () -> {
          List<OfferedTrack> tracks = m.participant().activeSubscribedTracks();
          if (tracks.size() != 4) {
            return false;
          }
          for (OfferedTrack t : tracks) {
            ReceivedStream s = m.participant().subscribeConnection().stream(t.ssrc());
            if (s == null || s.packets() < packets) {
              return false;
            }
          }
          return true;
        });
  }
}
