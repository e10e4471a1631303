package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.Group;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.Msid;
import io.kaihui.media.sdp.RtcpFeedback;
import io.kaihui.media.sdp.RtpMap;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import io.kaihui.media.sdp.SsrcAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscribeNegotiator} through {@link WebRtcTransport#subscribeOffer} and
 * {@link WebRtcTransport#applySubscribeAnswer}: offer versions, one offer outstanding at a time,
 * m-sections that keep their place and turn inactive when their consumer closes (RFC 8829
 * §5.2.2), and answers checked without changing anything when refused.
 */
class SubscribeNegotiatorTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final String PUBLISH_OFFER = capture("chromium-publish-offer.sdp");
  private static final String CHROMIUM_ANSWER = capture("chromium-subscribe-answer.sdp");

  private static MediaEngine engine;
  private Router router;
  private List<Producer> producers;
  private WebRtcTransport subscriber;

  @BeforeAll
  static void startEngine() {
    engine = MediaEngine.start(
        new MediaEngineConfig(LOOPBACK, 0, List.of(LOOPBACK), Duration.ofSeconds(30)));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void newRouter() throws Exception {
    router = engine.createRouter();
    producers = onLoop(() -> {
      WebRtcTransport publisher = router.createWebRtcTransport(new Events());
      return publisher.answerPublishOffer(PUBLISH_OFFER).added();
    });
    subscriber = onLoop(() -> router.createWebRtcTransport(new Events()));
  }

  @AfterEach
  void closeRouter() throws Exception {
    onLoop(() -> {
      router.close();
      return null;
    });
  }

  @Test
  void nothingIsOfferedBeforeThereIsAConsumer() throws Exception {
    assertThat(offer()).isNull();
  }

  @Test
  void offersOneSendonlySectionPerConsumer() throws Exception {
    List<Consumer> consumers = consumeAll("alice");
    SubscribeNegotiator.Offer offer = offer();

    assertThat(offer.version()).isEqualTo(1);
    SessionDescription sdp = SessionDescription.parse(offer.sdp());
    assertThat(sdp.origin().sessionVersion()).isEqualTo(1);
    assertThat(sdp.iceLite()).isTrue();
    assertThat(sdp.group(Group.BUNDLE)).isEqualTo(new Group(Group.BUNDLE,
        consumers.stream().map(Consumer::mid).toList()));
    assertThat(sdp.media()).extracting(MediaDescription::type).containsExactly("audio", "video");
    for (int i = 0; i < consumers.size(); i++) {
      Consumer c = consumers.get(i);
      MediaDescription m = sdp.media().get(i);
      assertThat(m.mid()).isEqualTo(c.mid());
      assertThat(sdp.direction(m)).isEqualTo(Direction.SENDONLY);
      assertThat(sdp.setup(m)).isEqualTo(Setup.ACTPASS);
      assertThat(m.rtcpMux()).isTrue();
      assertThat(m.msid()).isEqualTo(new Msid("alice", c.producer().id()));
      assertThat(m.ssrcs()).extracting(SsrcAttribute::ssrc).containsOnly(c.ssrc());
      assertThat(m.ssrcs()).extracting(SsrcAttribute::name).contains("cname", "msid");
      assertThat(m.candidates()).hasSize(i == 0 ? 1 : 0);
    }
    MediaDescription audio = sdp.media().get(0);
    assertThat(audio.formats()).containsExactly("111");
    assertThat(audio.rtpMap(111)).isEqualTo(new RtpMap(111, "opus", 48000, 2));
    MediaDescription video = sdp.media().get(1);
    assertThat(video.formats()).containsExactly("96");
    assertThat(video.rtpMap(96)).isEqualTo(new RtpMap(96, "VP8", 90000, null));
    assertThat(video.rtcpFeedback(96)).contains(new RtcpFeedback(96, "nack", "pli"));
  }

  @Test
  void oneOfferIsOutstandingAtATimeAndChangesWaitForTheNext() throws Exception {
    List<Consumer> first = consumeAll("alice");
    SubscribeNegotiator.Offer v1 = offer();
    List<Consumer> second = consumeAll("bob");
    assertThat(offer()).as("while version 1 waits for its answer").isNull();

    answer(v1.version(), CHROMIUM_ANSWER);
    SubscribeNegotiator.Offer v2 = offer();
    assertThat(v2.version()).isEqualTo(2);
    SessionDescription sdp = SessionDescription.parse(v2.sdp());
    assertThat(sdp.origin().sessionVersion()).isEqualTo(2);
    assertThat(sdp.origin().sessionId())
        .isEqualTo(SessionDescription.parse(v1.sdp()).origin().sessionId());
    assertThat(sdp.media()).extracting(MediaDescription::mid).containsExactly(
        first.get(0).mid(), first.get(1).mid(), second.get(0).mid(), second.get(1).mid());
    assertThat(sdp.media().get(2).msid().streamId()).isEqualTo("bob");

    answer(v2.version(), CHROMIUM_ANSWER);
    assertThat(offer()).as("nothing changed").isNull();
  }

  @Test
  void aClosedConsumersSectionTurnsInactiveAndKeepsItsPlace() throws Exception {
    List<Consumer> consumers = consumeAll("alice");
    answer(offer().version(), CHROMIUM_ANSWER);

    onLoop(() -> {
      subscriber.closeConsumer(consumers.get(0));
      return null;
    });
    SubscribeNegotiator.Offer v2 = offer();
    SessionDescription sdp = SessionDescription.parse(v2.sdp());
    assertThat(sdp.media()).extracting(MediaDescription::mid)
        .containsExactly(consumers.get(0).mid(), consumers.get(1).mid());
    MediaDescription closed = sdp.media().get(0);
    assertThat(sdp.direction(closed)).isEqualTo(Direction.INACTIVE);
    assertThat(closed.ssrcs()).isEmpty();
    assertThat(closed.msid()).isNull();
    assertThat(closed.port()).isNotZero();
    assertThat(sdp.direction(sdp.media().get(1))).isEqualTo(Direction.SENDONLY);
    assertThat(sdp.group(Group.BUNDLE).mids()).hasSize(2);
    assertThat(onLoop(() -> subscriber.consumers())).containsExactly(consumers.get(1));
  }

  @Test
  void answersAreCheckedAndARefusedOneChangesNothing() throws Exception {
    consumeAll("alice");
    SubscribeNegotiator.Offer v1 = offer();
    String noFingerprint = CHROMIUM_ANSWER.lines().filter(l -> !l.startsWith("a=fingerprint"))
        .reduce("", (a, b) -> a + b + "\r\n");
    List<String> refused = List.of(
        "",
        "v=0",
        CHROMIUM_ANSWER.substring(0, CHROMIUM_ANSWER.indexOf("m=audio")),
        noFingerprint,
        CHROMIUM_ANSWER.replace("a=setup:active", "a=setup:passive"),
        CHROMIUM_ANSWER.replace("a=setup:active", "a=setup:actpass"));
    for (String bad : refused) {
      assertThatThrownBy(() -> answer(v1.version(), bad))
          .isInstanceOf(SdpNegotiationException.class);
    }
    assertThatThrownBy(() -> answer(v1.version() + 1, CHROMIUM_ANSWER))
        .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("version 2");
    assertThatThrownBy(() -> answer(0, CHROMIUM_ANSWER))
        .isInstanceOf(SdpNegotiationException.class);
    assertThat(offer()).as("version 1 still waits").isNull();

    answer(v1.version(), CHROMIUM_ANSWER);
    assertThatThrownBy(() -> answer(v1.version(), CHROMIUM_ANSWER))
        .as("an answer already applied").isInstanceOf(SdpNegotiationException.class);
  }

  @Test
  void mangledAnswersAreRefusedOrAppliedNeverAnythingElse() throws Exception {
    consumeAll("alice");
    Random random = new Random(3264);
    String specials = "\r\n :=/;-0123456789amvc";
    for (int i = 0; i < 400; i++) {
      SubscribeNegotiator.Offer offer = offer();
      if (offer == null) {
        // The last answer was applied: a fresh subscriber, so that an offer is due again.
        subscriber = onLoop(() -> router.createWebRtcTransport(new Events()));
        consumeAll("x" + i);
        offer = offer();
      }
      StringBuilder sb = new StringBuilder(CHROMIUM_ANSWER);
      for (int e = 1 + random.nextInt(3); e > 0; e--) {
        int at = random.nextInt(sb.length());
        switch (random.nextInt(3)) {
          case 0 -> sb.setCharAt(at, specials.charAt(random.nextInt(specials.length())));
          case 1 -> sb.deleteCharAt(at);
          default -> sb.setLength(at);
        }
      }
      try {
        answer(offer.version(), sb.toString());
      } catch (SdpNegotiationException e) {
        assertThat(e.getMessage()).isNotBlank();
        // Refused: the same offer still waits, and the right answer is taken.
        answer(offer.version(), CHROMIUM_ANSWER);
      } catch (RuntimeException e) {
        fail("answer led to " + e + ":\n" + sb, e);
      }
    }
  }

  private List<Consumer> consumeAll(String streamId) throws Exception {
    return onLoop(() -> producers.stream()
        .map(p -> router.consume(p, subscriber, streamId)).toList());
  }

  private SubscribeNegotiator.Offer offer() throws Exception {
    return onLoop(() -> subscriber.subscribeOffer());
  }

  private void answer(long version, String sdp) throws Exception {
    onLoop(() -> {
      subscriber.applySubscribeAnswer(version, sdp);
      return null;
    });
  }

  /** Runs a task on the engine's loop, throwing what it threw. */
  private static <T> T onLoop(Callable<T> task) throws Exception {
    try {
      return engine.call(task).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String capture(String name) {
    try (InputStream in = SubscribeNegotiatorTest.class.getResourceAsStream(
        "/io/kaihui/media/sdp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Transport events nobody needs here. */
  private static final class Events implements WebRtcTransport.Listener {
    @Override
    public void onTransportConnected(WebRtcTransport transport) {
    }

    @Override
    public void onTransportClosed(WebRtcTransport transport, String reason) {
    }
  }
}
