package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.rtcp.ReceiverReport;
import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.ServerIceParameters;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.media.testing.SyntheticPeerConnection;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WebRtcTransport} over real UDP with synthetic browsers: what its periodic work sends
 * (receiver reports in packets of at most 31 blocks, sender report counts modulo 2^32) and that
 * bad SDP from a browser is always an {@link SdpNegotiationException}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebRtcTransportTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WAIT = Duration.ofSeconds(15);

  private MediaEngine engine;
  private LoopbackMeeting meeting;
  private ScheduledExecutorService scheduler;

  @BeforeEach
  void start() {
    engine = MediaEngine.start(
        new MediaEngineConfig(LOOPBACK, 0, List.of(LOOPBACK), Duration.ofSeconds(2)));
    meeting = new LoopbackMeeting(engine);
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    meeting.close();
    engine.close();
    scheduler.shutdownNow();
  }

  @Test
  void aPublisherOfMoreThan31TracksGetsReceiverReportsOf31BlocksAtMost() throws Exception {
    int tracks = 40;
    List<String> events = new CopyOnWriteArrayList<>();
    try (SyntheticPeerConnection pc = new SyntheticPeerConnection("many", scheduler);
        SyntheticParticipant lonelyBrowser = new SyntheticParticipant("lonely",
            SyntheticParticipant.Options.chromium())) {
      pc.setConsentInterval(Duration.ofMillis(500));
      WebRtcTransport publisher = newTransport(events);
      String answer = onLoop(() -> publisher.answerPublishOffer(manyAudioTracks(pc, tracks)))
          .answerSdp();
      // A second transport of the same router, negotiated, whose browser never shows up: the
      // periodic work must reach it after the big publisher's and close it.
      List<String> second = new CopyOnWriteArrayList<>();
      WebRtcTransport lonely = newTransport(second);
      String lonelyOffer = lonelyBrowser.createPublishOffer();
      onLoop(() -> lonely.answerPublishOffer(lonelyOffer));

      pc.connect(ServerIceParameters.of(parse(answer)));
      pc.awaitConnected(WAIT);
      // Like a browser, keep sending (every 20 ms, on the connection's own thread): packets that
      // arrive before the server has installed its SRTP keys are dropped, as they would be.
      byte[] rtp = new byte[12 + 40];
      int[] seq = {0};
      ScheduledFuture<?> sending = scheduler.scheduleAtFixedRate(() -> {
        for (int i = 0; i < tracks; i++) {
          rtp[0] = (byte) 0x80;
          RtpPacket.setPayloadType(rtp, 0, 111);
          RtpPacket.setSequenceNumber(rtp, 0, 100 + seq[0]);
          RtpPacket.setTimestamp(rtp, 0, 960L * seq[0]);
          RtpPacket.setSsrc(rtp, 0, 5000 + i);
          pc.sendRtp(rtp, 0, rtp.length);
        }
        seq[0]++;
      }, 0, 20, TimeUnit.MILLISECONDS);
      Await.until(WAIT, () -> "receiver reports about all " + tracks + " tracks: "
          + pc.receiverReports(), () -> reportedSsrcs(pc).size() == tracks);
      sending.cancel(false);
      assertThat(pc.receiverReports()).allSatisfy(rr ->
          assertThat(rr.reports()).hasSizeLessThanOrEqualTo(ReceiverReport.MAX_REPORTS));
      Await.until(WAIT, () -> "the other transport of the router closes: " + second,
          () -> !second.isEmpty());
      assertThat(second).containsExactly("ice never connected");
      assertThat(events).doesNotContain("ice never connected", "ice consent expired");
      assertThat(engine.counter(MediaCounter.INTERNAL_ERRORS)).isZero();
    }
  }

  @Test
  void senderReportCountsWrapModulo2To32() throws Exception {
    Member a = joinAndPublish("a");
    Member b = joinAndPublish("b");
    OfferedTrack aVideoAtB = b.participant().activeSubscribedTracks().stream()
        .filter(t -> t.streamId().equals("a") && t.kind() == MediaKind.VIDEO)
        .findFirst().orElseThrow();
    Await.until(WAIT, "b receives a's video", () -> stream(b, aVideoAtB) != null
        && stream(b, aVideoAtB).packets() > 5);
    // Stands in for about five hours of 2 Mbit/s video through one consumer.
    Field octets = Consumer.class.getDeclaredField("octetsSent");
    octets.setAccessible(true);
    onLoop(() -> {
      for (Consumer c : b.subscribeTransport().consumers()) {
        if (c.ssrc() == aVideoAtB.ssrc()) {
          octets.setLong(c, 0xFFFF_FFFFL - 100);
        }
      }
      return null;
    });
    int reportsBefore = stream(b, aVideoAtB).senderReports().size();

    Await.until(WAIT, "two more sender reports of a's video reach b",
        () -> stream(b, aVideoAtB).senderReports().size() >= reportsBefore + 2);
    ReceivedStream.SenderReportArrival last = stream(b, aVideoAtB).senderReports().getLast();
    assertThat(last.report().octetCount()).isLessThan(1L << 20);
    assertThat(engine.counter(MediaCounter.INTERNAL_ERRORS)).isZero();
    assertThat(a.closeReasons()).isEmpty();
  }

  @Test
  void aPublishOfferWithAMalformedFingerprintIsAnSdpNegotiationException() throws Exception {
    WebRtcTransport t = newTransport(new CopyOnWriteArrayList<>());
    String good;
    try (SyntheticParticipant p = new SyntheticParticipant("fp",
        SyntheticParticipant.Options.chromium())) {
      good = p.createPublishOffer();
    }
    String fingerprint = good.lines().filter(l -> l.startsWith("a=fingerprint:")).findFirst()
        .orElseThrow();
    for (String bad : List.of("a=fingerprint:sha-256 AB:CD",
        "a=fingerprint:md5 " + fingerprint.substring(fingerprint.indexOf(' ') + 1),
        "a=fingerprint:sha-1 " + fingerprint.substring(fingerprint.indexOf(' ') + 1))) {
      String offer = good.replace(fingerprint, bad);
      assertThatThrownBy(() -> onLoop(() -> t.answerPublishOffer(offer)))
          .as(bad).isInstanceOf(SdpNegotiationException.class);
    }
    assertThat(onLoop(t::producers)).isEmpty();
    assertThat(onLoop(() -> t.answerPublishOffer(good)).added()).hasSize(2);
  }

  @Test
  void aSubscribeAnswerWithAMalformedFingerprintIsRefusedAndTheOfferStaysOpen() throws Exception {
    SyntheticParticipant b = new SyntheticParticipant("b", SyntheticParticipant.Options.chromium()
        .withConsentInterval(Duration.ofMillis(500)));
    try {
      subscribeWithAMalformedFingerprintFirst(b);
    } finally {
      b.close();
    }
  }

  private void subscribeWithAMalformedFingerprintFirst(SyntheticParticipant b) throws Exception {
    Member a = joinAndPublish("a");
    WebRtcTransport subscriber = newTransport(new CopyOnWriteArrayList<>());
    onLoop(() -> {
      for (Producer p : a.publishTransport().producers()) {
        meeting.router().consume(p, subscriber, "a");
      }
      return null;
    });
    SubscribeNegotiator.Offer offer = onLoop(subscriber::subscribeOffer);
    String answer = b.answerSubscribeOffer(offer.sdp());
    String fingerprint = answer.lines().filter(l -> l.startsWith("a=fingerprint:")).findFirst()
        .orElseThrow();
    String bad = answer.replace(fingerprint, "a=fingerprint:sha-256 AB:CD");

    assertThatThrownBy(() -> onLoop(() -> {
      subscriber.applySubscribeAnswer(offer.version(), bad);
      return null;
    })).isInstanceOf(SdpNegotiationException.class);
    onLoop(() -> {
      subscriber.applySubscribeAnswer(offer.version(), answer);
      return null;
    });
    OfferedTrack audio = b.activeSubscribedTracks().getFirst();
    Await.until(WAIT, "b receives a's audio", () -> {
      ReceivedStream s = b.subscribeConnection().stream(audio.ssrc());
      return s != null && s.packets() > 5;
    });
    assertThat(a.closeReasons()).isEmpty();
  }

  private Member joinAndPublish(String name) throws SdpNegotiationException {
    Member m = meeting.join(new SyntheticParticipant(name, SyntheticParticipant.Options.chromium()
        .withConsentInterval(Duration.ofMillis(500))));
    meeting.publish(m);
    m.participant().startMedia();
    return m;
  }

  private WebRtcTransport newTransport(List<String> events) throws Exception {
    return onLoop(() -> meeting.router().createWebRtcTransport(new WebRtcTransport.Listener() {
      @Override
      public void onTransportConnected(WebRtcTransport transport) {
        events.add("connected");
      }

      @Override
      public void onTransportClosed(WebRtcTransport transport, String reason) {
        events.add(reason);
      }
    }));
  }

  /** Runs a task on the engine's loop, throwing what it threw. */
  private <T> T onLoop(java.util.concurrent.Callable<T> task) throws Exception {
    try {
      return engine.call(task).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static ReceivedStream stream(Member subscriber, OfferedTrack track) {
    return subscriber.participant().subscribeConnection().stream(track.ssrc());
  }

  private static Set<Long> reportedSsrcs(SyntheticPeerConnection pc) {
    Set<Long> ssrcs = new HashSet<>();
    for (ReceiverReport rr : pc.receiverReports()) {
      for (ReportBlock b : rr.reports()) {
        ssrcs.add(b.ssrc());
      }
    }
    return ssrcs;
  }

  /** A publish offer with {@code count} Opus m-sections, SSRCs 5000.., BUNDLEd. */
  private static String manyAudioTracks(SyntheticPeerConnection pc, int count) {
    StringBuilder mids = new StringBuilder();
    StringBuilder media = new StringBuilder();
    for (int i = 0; i < count; i++) {
      mids.append(' ').append(i);
      media.append("m=audio ").append(pc.localPort()).append(" UDP/TLS/RTP/SAVPF 111\r\n")
          .append("c=IN IP4 127.0.0.1\r\n");
      if (i == 0) {
        media.append("a=candidate:1 1 udp 2122260223 127.0.0.1 ").append(pc.localPort())
            .append(" typ host generation 0\r\n");
      }
      media.append("a=ice-ufrag:").append(pc.localUfrag()).append("\r\n")
          .append("a=ice-pwd:").append(pc.localPassword()).append("\r\n")
          .append("a=fingerprint:sha-256 ").append(pc.fingerprint()).append("\r\n")
          .append("a=setup:actpass\r\n")
          .append("a=mid:").append(i).append("\r\n")
          .append("a=sendonly\r\n")
          .append("a=msid:s t").append(i).append("\r\n")
          .append("a=rtcp-mux\r\n")
          .append("a=rtpmap:111 opus/48000/2\r\n")
          .append("a=ssrc:").append(5000 + i).append(" cname:many\r\n");
    }
    return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE" + mids
        + "\r\na=msid-semantic: WMS s\r\n" + media;
  }

  private static SessionDescription parse(String sdp) {
    try {
      return SessionDescription.parse(sdp);
    } catch (io.kaihui.media.sdp.SdpParseException e) {
      throw new AssertionError(e);
    }
  }
}
