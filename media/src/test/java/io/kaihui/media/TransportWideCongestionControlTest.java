package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.rtcp.TransportCcFeedback;
import io.kaihui.media.rtcp.TransportCcFeedback.PacketStatus;
import io.kaihui.media.sdp.ExtMap;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.RtcpFeedback;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.LoopbackSfu;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.media.testing.SyntheticPeerConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transport-wide congestion control between a synthetic publisher and the SFU over real UDP
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): the answer to Chromium's captured offer
 * accepts the extension and the feedback; the publisher numbers every packet (starting just
 * below the 16-bit wrap); the SFU's transport-cc feedback acknowledges every one of them, in
 * feedback packets that follow on from each other, with receive times that come after the send
 * times (publisher and SFU share this JVM's clock) by a plausible one-way delay.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportWideCongestionControlTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final long WRAP_MICROS =
      (1L << 24) * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS;

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu();

  @Test
  void feedbackAcknowledgesEveryPacketThePublisherSent() throws Exception {
    Member a = sfu.meeting().join(
        new SyntheticParticipant("a", SyntheticParticipant.Options.chromium()));
    PublishResult published = sfu.meeting().publish(a);

    // The answer to Chromium's offer: the extension under Chromium's id 3, and the feedback for
    // the payload types taken, in both m-sections.
    SessionDescription answer = SessionDescription.parse(published.answerSdp());
    for (MediaDescription m : answer.media()) {
      int payloadType = Integer.parseInt(m.formats().getFirst());
      assertThat(m.extmaps()).containsExactly(ExtMap.of(3, PublishAnswerer.TRANSPORT_CC_URI));
      assertThat(m.rtcpFeedback(payloadType))
          .contains(new RtcpFeedback(payloadType, "transport-cc", null));
    }
    assertThat(sfu.engine().call(() -> a.publishTransport().transportCcExtensionId()).join())
        .isEqualTo(3);

    SyntheticPeerConnection pc = a.participant().publishConnection();
    int first = pc.nextTransportSequenceNumber();
    assertThat(first).as("starts below the wrap").isGreaterThan(65_400);
    // Media only once both ends have their keys, so that no packet is lost to the handshake.
    pc.awaitConnected(WAIT);
    Await.until(WAIT, "the SFU's publish transport is connected",
        () -> sfu.engine().call(() -> a.publishTransport().isConnected()).join());
    a.participant().startMedia();
    Await.until(WAIT, () -> "200 packets sent: " + pc.transportCcPacketsSent(),
        () -> pc.transportCcPacketsSent() >= 200);
    a.participant().stopMedia();
    long sent = pc.transportCcPacketsSent();
    int last = (first + (int) sent - 1) & 0xFFFF;
    Await.until(WAIT, () -> "feedback up to " + last + ": " + acknowledged(pc).size()
        + " acknowledged", () -> acknowledged(pc).containsKey(last));

    List<TransportCcFeedback> feedback = pc.transportCcFeedback();
    Map<Integer, Long> received = acknowledged(pc);
    // Every packet sent, across the wrap, arrived and was acknowledged; nothing else was.
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < sent; i++) {
      expected.add((first + i) & 0xFFFF);
    }
    assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).contains(65_535, 0);

    // The feedback packets follow on from each other: each starts where the last one ended
    // (nothing reported twice, no packet without news) and counts up by one.
    for (int i = 1; i < feedback.size(); i++) {
      TransportCcFeedback previous = feedback.get(i - 1);
      TransportCcFeedback current = feedback.get(i);
      assertThat(current.baseSequenceNumber()).as("feedback %d", i).isEqualTo(
          (previous.baseSequenceNumber() + previous.packets().size()) & 0xFFFF);
      assertThat(current.feedbackPacketCount())
          .isEqualTo((previous.feedbackPacketCount() + 1) & 0xFF);
      assertThat(current.packets()).allMatch(PacketStatus::received);
    }
    assertThat(feedback.getFirst().baseSequenceNumber()).isEqualTo(first);
    assertThat(sfu.engine().counter(MediaCounter.TRANSPORT_CC_FEEDBACK_SENT))
        .isGreaterThanOrEqualTo(feedback.size());

    // Receive minus send time is the one-way delay through loopback and the SFU's loop: never
    // negative (beyond the 250 µs rounding), and small for the typical packet.
    List<Long> delays = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : received.entrySet()) {
      long sentMicros = Math.floorDiv(pc.transportCcSendTimeNanos(e.getKey()), 1000);
      long delay = Math.floorMod(e.getValue() - sentMicros, WRAP_MICROS);
      delays.add(delay > WRAP_MICROS / 2 ? delay - WRAP_MICROS : delay);
    }
    delays.sort(null);
    assertThat(delays.getFirst()).as("shortest delay, µs").isGreaterThanOrEqualTo(-250);
    assertThat(delays.get(delays.size() / 2)).as("median delay, µs").isLessThan(100_000);
    assertThat(delays.getLast()).as("longest delay, µs").isLessThan(5_000_000);
    assertThat(sfu.engine().counter(MediaCounter.RTCP_MALFORMED)).isZero();
    assertThat(pc.rtcpMalformed()).isZero();
  }

  /** Receive times (µs, the SFU's time base) of the packets acknowledged as received. */
  private static Map<Integer, Long> acknowledged(SyntheticPeerConnection pc) {
    Map<Integer, Long> times = new HashMap<>();
    for (TransportCcFeedback f : pc.transportCcFeedback()) {
      long t = (long) f.referenceTime() * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS;
      for (int i = 0; i < f.packets().size(); i++) {
        PacketStatus s = f.packets().get(i);
        if (s.received()) {
          t += (long) s.receiveDelta() * TransportCcFeedback.DELTA_UNIT_MICROS;
          times.put(f.sequenceNumber(i), t);
        }
      }
    }
    return times;
  }
}
