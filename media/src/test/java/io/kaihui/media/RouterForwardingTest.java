package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.LoopbackSfu;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.SyntheticParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link Router} forwarding between synthetic participants over real UDP on loopback, driven
 * as the server drives it ({@link LoopbackMeeting}): every subscriber gets every other
 * publisher's audio and video on its own SSRCs, with continuous sequence numbers from a random
 * start, a constant timestamp offset, the subscribe offer's payload types (Opus 111, VP8 96)
 * whatever the publisher used, and video beginning on a keyframe; a newcomer's keyframe comes
 * from a PLI to the publisher.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterForwardingTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu();

  @Test
  void eightParticipantsEachReceiveTheOtherSevensAudioAndVideo() throws Exception {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      members.add(joinAndPublish("p" + i, options(i)));
    }
    awaitEveryoneReceivesEveryone(members, 5);

    Map<Member, Long> requestsBefore = new HashMap<>();
    for (Member m : members) {
      requestsBefore.put(m, m.participant().keyframeRequestsReceived());
    }
    Member newcomer = joinAndPublish("p7", options(7));
    members.add(newcomer);
    // Keyframes only on request in this test: the newcomer sees video only through PLIs.
    Await.until(WAIT, "every publisher gets a keyframe request for the newcomer", () ->
        requestsBefore.entrySet().stream()
            .allMatch(e -> e.getKey().participant().keyframeRequestsReceived() > e.getValue()));
    awaitEveryoneReceivesEveryone(members, 20);

    for (Member m : members) {
      assertReceivesEveryOtherPublisher(m, members);
    }
    assertEachConsumerNumbersOnItsOwn(members);
    assertThat(sfu.engine().counter(MediaCounter.RTP_DROPPED)).isZero();
  }

  @Test
  void aLeaversStreamsStopAndTheirSectionsTurnInactive() throws Exception {
    SyntheticParticipant.Options options = SyntheticParticipant.Options.chromium();
    Member a = joinAndPublish("a", options);
    Member b = joinAndPublish("b", options);
    Member c = joinAndPublish("c", options);
    List<Member> all = List.of(a, b, c);
    awaitEveryoneReceivesEveryone(all, 5);
    List<OfferedTrack> before = a.participant().subscribedTracks();
    List<OfferedTrack> ofC = trackOf(a, c);

    sfu.meeting().leave(c);

    List<OfferedTrack> after = a.participant().subscribedTracks();
    assertThat(after).extracting(OfferedTrack::mid)
        .containsExactlyElementsOf(before.stream().map(OfferedTrack::mid).toList());
    for (OfferedTrack t : after) {
      boolean wasC = ofC.stream().anyMatch(x -> x.mid().equals(t.mid()));
      assertThat(t.active()).as("m-section %s", t.mid()).isEqualTo(!wasC);
    }
    assertThat(sfu.engine().call(() -> sfu.meeting().router().producers()).join())
        .extracting(Producer::transport)
        .containsOnly(a.publishTransport(), b.publishTransport());

    Thread.sleep(200);  // packets already on their way when c left
    Map<Long, Long> ofCAtA = new HashMap<>();
    for (OfferedTrack t : ofC) {
      ofCAtA.put(t.ssrc(), a.participant().subscribeConnection().stream(t.ssrc()).packets());
    }
    ReceivedStream bAudioAtA = a.participant().subscribeConnection()
        .stream(trackOf(a, b).get(0).ssrc());
    long bBefore = bAudioAtA.packets();
    Await.until(WAIT, "b's audio keeps flowing to a", () -> bAudioAtA.packets() >= bBefore + 25);
    for (OfferedTrack t : ofC) {
      assertThat(a.participant().subscribeConnection().stream(t.ssrc()).packets())
          .as("packets of c's %s after c left", t.kind()).isEqualTo(ofCAtA.get(t.ssrc()));
    }
  }

  private static SyntheticParticipant.Options options(int i) {
    SyntheticParticipant.Options chromium =
        SyntheticParticipant.Options.chromium().withKeyframeInterval(Duration.ZERO);
    return switch (i % 3) {
      case 0 -> chromium;
      case 1 -> chromium.withPayloadTypes(63, 98);
      default -> chromium.withPayloadTypes(109, 120);
    };
  }

  private Member joinAndPublish(String name, SyntheticParticipant.Options options)
      throws SdpNegotiationException {
    Member m = sfu.meeting().join(new SyntheticParticipant(name, options));
    sfu.meeting().publish(m);
    m.participant().startMedia();
    return m;
  }

  private static void awaitEveryoneReceivesEveryone(List<Member> members, long packets) {
    for (Member m : members) {
      Await.until(WAIT, () -> m + " receives " + packets + " packets of every other track: "
          + m.participant().subscribeConnection().streams().values(), () -> {
            List<OfferedTrack> tracks = m.participant().activeSubscribedTracks();
            if (tracks.size() != 2 * (members.size() - 1)) {
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

  private static void assertReceivesEveryOtherPublisher(Member m, List<Member> members) {
    Map<String, Member> byId = new LinkedHashMap<>();
    members.forEach(x -> byId.put(x.id(), x));
    List<OfferedTrack> tracks = m.participant().activeSubscribedTracks();
    Map<Long, ReceivedStream> streams = m.participant().subscribeConnection().streams();
    assertThat(tracks).hasSize(2 * (members.size() - 1));
    assertThat(streams.keySet()).as("%s receives exactly the offered SSRCs", m)
        .containsExactlyInAnyOrderElementsOf(tracks.stream().map(OfferedTrack::ssrc).toList());
    Set<String> publishedTracks = new HashSet<>();
    for (OfferedTrack t : tracks) {
      Member publisher = byId.get(t.streamId());
      assertThat(publisher).as("publisher of %s", t).isNotNull().isNotEqualTo(m);
      publishedTracks.add(t.streamId() + "/" + t.kind());
      boolean audio = t.kind() == MediaKind.AUDIO;
      long origin = audio ? publisher.participant().audioSsrc()
          : publisher.participant().videoSsrc();
      int expectedPt = audio ? SubscribeNegotiator.OPUS_PAYLOAD_TYPE
          : SubscribeNegotiator.VP8_PAYLOAD_TYPE;
      ReceivedStream s = streams.get(t.ssrc());
      String what = m + " receiving " + publisher + "'s " + t.kind();
      assertThat(t.payloadType()).as(what).isEqualTo(expectedPt);
      assertThat(t.ssrc()).as(what).isNotEqualTo(origin);
      assertThat(s.originSsrcs()).as(what).containsExactly(origin);
      assertThat(s.untaggedPackets()).as(what).isZero();
      assertThat(s.payloadTypes()).as(what).containsExactly(expectedPt);
      assertThat(s.sequenceGaps()).as(what).isZero();
      assertThat(s.sequenceOffsets()).as(what).hasSize(1);
      assertThat(s.timestampOffsets()).as(what).hasSize(1);
      if (!audio) {
        assertThat(s.firstPacketStartsKeyframe()).as(what + " starts on a keyframe").isTrue();
      }
    }
    assertThat(publishedTracks).hasSize(tracks.size());
    assertThat(m.participant().subscribeConnection().srtpFailures()).isZero();
    assertThat(m.participant().subscribeConnection().receiveError()).isNull();
    assertThat(m.participant().subscribeConnection().datagramsFromStrangers()).isZero();
  }

  /** Seven consumers of one track: seven SSRCs, seven random starts. */
  private static void assertEachConsumerNumbersOnItsOwn(List<Member> members) {
    Map<Long, List<ReceivedStream>> byOrigin = new HashMap<>();
    for (Member m : members) {
      for (ReceivedStream s : m.participant().subscribeConnection().streams().values()) {
        byOrigin.computeIfAbsent(s.originSsrcs().iterator().next(), k -> new ArrayList<>()).add(s);
      }
    }
    assertThat(byOrigin).hasSize(2 * members.size());
    for (Map.Entry<Long, List<ReceivedStream>> e : byOrigin.entrySet()) {
      List<ReceivedStream> copies = e.getValue();
      assertThat(copies).hasSize(members.size() - 1);
      assertThat(copies.stream().map(ReceivedStream::ssrc).distinct()).hasSize(copies.size());
      assertThat(copies.stream().map(s -> s.sequenceOffsets().iterator().next()).distinct()
          .count()).as("sequence offsets of the copies of %d", e.getKey()).isGreaterThan(1);
      assertThat(copies.stream().map(s -> s.timestampOffsets().iterator().next()).distinct()
          .count()).as("timestamp offsets of the copies of %d", e.getKey()).isGreaterThan(1);
    }
  }

  private static List<OfferedTrack> trackOf(Member subscriber, Member publisher) {
    return subscriber.participant().activeSubscribedTracks().stream()
        .filter(t -> t.streamId().equals(publisher.id())).toList();
  }
}
