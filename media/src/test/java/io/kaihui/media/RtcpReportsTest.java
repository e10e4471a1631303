package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.rtcp.ReceiverReport;
import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtcp.SenderReport;
import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.LoopbackSfu;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.SyntheticParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RTCP reports through the SFU (RFC 3550 §6.4), read from the wire by synthetic participants:
 * each subscriber gets sender reports on the SSRC it receives a track on, their RTP timestamp in
 * that stream's numbering; each publisher gets receiver reports about its tracks, with the
 * highest sequence number it sent, no loss, and LSR echoing one of its own sender reports.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtcpReportsTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu();

  @Test
  void senderReportsReachSubscribersAndReceiverReportsReachPublishers() throws Exception {
    Member a = joinAndPublish("a");
    Member b = joinAndPublish("b");
    List<OfferedTrack> ofA = new ArrayList<>();
    for (OfferedTrack t : b.participant().activeSubscribedTracks()) {
      if (t.streamId().equals("a")) {
        ofA.add(t);
      }
    }
    assertThat(ofA).hasSize(2);
    // The SFU reports once a second; a sends its own sender reports once a second too.
    Await.until(WAIT, "b gets two sender reports of each of a's tracks after a sent one", () ->
        ofA.stream().allMatch(t -> {
          ReceivedStream s = b.participant().subscribeConnection().stream(t.ssrc());
          return s != null && s.senderReports().stream()
              .filter(r -> r.packetsBefore() > 0).count() >= 2;
        }) && !a.participant().senderReportsSent().isEmpty());
    long aAudio = a.participant().audioSsrc();
    long aVideo = a.participant().videoSsrc();
    Await.until(WAIT, () -> "a gets a receiver report on both tracks with LSR: "
        + a.participant().publishConnection().receiverReports(), () ->
        blockWithLsr(a, aAudio) != null && blockWithLsr(a, aVideo) != null);

    for (OfferedTrack t : ofA) {
      ReceivedStream s = b.participant().subscribeConnection().stream(t.ssrc());
      int clockRate = t.kind() == MediaKind.AUDIO ? 48_000 : 90_000;
      for (ReceivedStream.SenderReportArrival arrival : s.senderReports()) {
        if (arrival.packetsBefore() == 0) {
          continue;
        }
        SenderReport sr = arrival.report();
        String what = "sender report of a's " + t.kind() + " at b";
        assertThat(sr.ssrc()).as(what).isEqualTo(t.ssrc());
        assertThat(sr.packetCount()).as(what).isPositive()
            .isLessThanOrEqualTo(arrival.packetsBefore());
        assertThat(sr.octetCount()).as(what).isPositive();
        assertThat(sr.reports()).as(what).isEmpty();
        // The RTP timestamp is in the subscriber's numbering: near the last packet received,
        // not near the publisher's own timestamps (a random distance away).
        int distance = (int) (sr.rtpTimestamp() - arrival.lastTimestampBefore());
        assertThat(Math.abs((long) distance)).as(what + ": RTP timestamp %d vs last packet's %d",
            sr.rtpTimestamp(), arrival.lastTimestampBefore()).isLessThan(clockRate / 2);
      }
    }

    int[] lastSent = {a.participant().lastAudioSequence(), a.participant().lastVideoSequence()};
    long[] ssrcs = {aAudio, aVideo};
    for (int i = 0; i < 2; i++) {
      long ssrc = ssrcs[i];
      ReportBlock block = blockWithLsr(a, ssrc);
      // In the publisher's own numbering: a little behind what it has sent by now.
      assertThat((lastSent[i] - block.extendedHighestSequence()) & 0xFFFF).as("%d", ssrc)
          .isLessThan(300);
      assertThat(block.cumulativeLost()).isZero();
      assertThat(block.fractionLost()).isZero();
      assertThat(block.extendedHighestSequence()).isPositive();
      assertThat(a.participant().senderReportsSent()).contains(block.lastSenderReport());
      // DLSR is the time the SFU held the sender report: well under the 1-s report interval
      // plus scheduling, in 1/65536 s.
      assertThat(block.delaySinceLastSenderReport()).isLessThan(3L * 65536);
    }
    List<ReceiverReport> reports = a.participant().publishConnection().receiverReports();
    assertThat(reports).allSatisfy(rr -> assertThat(rr.reports()).extracting(ReportBlock::ssrc)
        .containsAnyOf(aAudio, aVideo).doesNotContain(b.participant().audioSsrc(),
            b.participant().videoSsrc()));
    // The subscriber's own receiver reports reach the SFU and are taken without complaint.
    assertThat(sfu.engine().counter(MediaCounter.RTCP_MALFORMED)).isZero();
    assertThat(sfu.engine().counter(MediaCounter.RTCP_RECEIVED)).isPositive();
  }

  private static ReportBlock blockWithLsr(Member publisher, long ssrc) {
    ReportBlock found = null;
    for (ReceiverReport rr : publisher.participant().publishConnection().receiverReports()) {
      for (ReportBlock block : rr.reports()) {
        if (block.ssrc() == ssrc && block.lastSenderReport() != 0) {
          found = block;
        }
      }
    }
    return found;
  }

  private Member joinAndPublish(String name) throws SdpNegotiationException {
    Member m = sfu.meeting().join(
        new SyntheticParticipant(name, SyntheticParticipant.Options.chromium()));
    sfu.meeting().publish(m);
    m.participant().startMedia();
    return m;
  }
}
