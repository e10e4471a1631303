package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.kaihui.media.sdp.Candidate;
import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.ExtMap;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.Group;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.RtcpFeedback;
import io.kaihui.media.sdp.RtpMap;
import io.kaihui.media.sdp.SdpParseException;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PublishAnswerer} on offers captured from Chromium (test resources of
 * {@code io.kaihui.media.sdp}): BUNDLE, ICE-lite, {@code setup:passive}, Opus and VP8 with the
 * offered payload types, everything else rejected with port 0, tracks on the FID group's first
 * SSRC; and unusable or mangled offers only ever give {@link SdpNegotiationException}.
 */
class PublishAnswererTest {

  private static final String SERVER_FINGERPRINT = "6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:"
      + "35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08";
  private static final LocalIceParameters LOCAL = new LocalIceParameters("kh7Qz1vE",
      "Yp0c2sM9vKq3tRw8nB5xLd7f", SERVER_FINGERPRINT,
      List.of(InetAddress.getLoopbackAddress()), 10000);
  private static final String PUBLISH_OFFER = capture("chromium-publish-offer.sdp");

  @Test
  void answersChromiumsPublishOffer() throws Exception {
    PublishAnswerer.Answer answer = PublishAnswerer.answer(PUBLISH_OFFER, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());

    assertThat(sdp.iceLite()).isTrue();
    assertThat(sdp.group(Group.BUNDLE)).isEqualTo(new Group(Group.BUNDLE, List.of("0", "1")));
    assertThat(sdp.media()).extracting(MediaDescription::type).containsExactly("audio", "video");
    for (MediaDescription m : sdp.media()) {
      assertThat(m.proto()).isEqualTo(MediaDescription.PROTO_RTP);
      assertThat(sdp.setup(m)).isEqualTo(Setup.PASSIVE);
      assertThat(sdp.direction(m)).isEqualTo(Direction.RECVONLY);
      assertThat(sdp.iceUfrag(m)).isEqualTo("kh7Qz1vE");
      assertThat(sdp.icePwd(m)).isEqualTo("Yp0c2sM9vKq3tRw8nB5xLd7f");
      assertThat(sdp.fingerprint(m)).isEqualTo(new Fingerprint("sha-256", SERVER_FINGERPRINT));
      assertThat(m.rtcpMux()).isTrue();
      assertThat(m.rtcpRsize()).isTrue();
    }
    MediaDescription audio = sdp.media("0");
    assertThat(audio.formats()).containsExactly("111");
    assertThat(audio.rtpMap(111)).isEqualTo(new RtpMap(111, "opus", 48000, 2));
    // RFC 8843 §7.1.2: candidates once, on the BUNDLE tag section.
    assertThat(audio.candidates()).singleElement().satisfies(c -> {
      assertThat(c.address()).isEqualTo("127.0.0.1");
      assertThat(c.port()).isEqualTo(10000);
      assertThat(c.transport()).isEqualToIgnoringCase("udp");
      assertThat(c.type()).isEqualTo(Candidate.TYPE_HOST);
    });
    MediaDescription video = sdp.media("1");
    assertThat(video.formats()).containsExactly("96");
    assertThat(video.rtpMap(96)).isEqualTo(new RtpMap(96, "VP8", 90000, null));
    assertThat(video.rtcpFeedback(96)).contains(new RtcpFeedback(96, "nack", "pli"),
        new RtcpFeedback(96, "ccm", "fir"));
    assertThat(video.candidates()).isEmpty();

    assertThat(answer.tracks()).containsExactly(
        new PublishAnswerer.Track(MediaKind.AUDIO, "0", 3972950970L, 111, 48000,
            "e0751e24-99d0-4898-b335-7ea933145f69"),
        // The FID group's first SSRC is the media, the second (3336897830) its RTX.
        new PublishAnswerer.Track(MediaKind.VIDEO, "1", 3058461377L, 96, 90000,
            "5bb272f1-9b60-4bd4-93b9-1046051b1524"));
    assertThat(answer.remoteFingerprint()).isEqualTo(new Fingerprint("sha-256",
        "40:5D:B7:79:FD:86:90:EB:8B:FE:E2:53:62:39:61:15:F8:9C:85:33:F3:0D:AD:76:72:0C:F0:22:48"
            + ":F9:46:A5"));
  }

  @Test
  void acceptsTransportWideCongestionControlWithTheOfferedId() throws Exception {
    PublishAnswerer.Answer answer = PublishAnswerer.answer(PUBLISH_OFFER, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());
    // Chromium offers the extension as id 3 in both m-sections (and nine others, declined).
    assertThat(answer.transportCcExtensionId()).isEqualTo(3);
    for (MediaDescription m : sdp.media()) {
      assertThat(m.extmaps()).as("m-section %s", m.mid())
          .containsExactly(ExtMap.of(3, PublishAnswerer.TRANSPORT_CC_URI));
    }
    assertThat(sdp.media("0").rtcpFeedback(111))
        .containsExactly(new RtcpFeedback(111, "transport-cc", null));
    assertThat(sdp.media("1").rtcpFeedback(96)).containsExactlyInAnyOrder(
        new RtcpFeedback(96, "nack", "pli"), new RtcpFeedback(96, "ccm", "fir"),
        new RtcpFeedback(96, "transport-cc", null));
    assertThat(answer.sdp()).contains("a=extmap:3 http://www.ietf.org/id/"
            + "draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n")
        .contains("a=rtcp-fb:111 transport-cc\r\n", "a=rtcp-fb:96 transport-cc\r\n")
        .doesNotContain("goog-remb", "abs-send-time", "sdes:mid");
  }

  @Test
  void echoesAnotherIdAndLeavesOutWhatIsNotOffered() throws Exception {
    // Another browser numbers the extension 9 and offers no transport-cc feedback for audio.
    String moved = PUBLISH_OFFER.replace("a=extmap:3 http://www.ietf.org/id/draft-holmer",
        "a=extmap:9 http://www.ietf.org/id/draft-holmer")
        .replace("a=rtcp-fb:111 transport-cc\r\n", "");
    PublishAnswerer.Answer answer = PublishAnswerer.answer(moved, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());
    assertThat(answer.transportCcExtensionId()).isEqualTo(9);
    assertThat(sdp.media("0").extmaps()).extracting(ExtMap::id).containsExactly(9);
    assertThat(sdp.media("0").rtcpFeedback(111)).isEmpty();
    assertThat(sdp.media("1").rtcpFeedback(96)).contains(
        new RtcpFeedback(96, "transport-cc", null));

    // Offered sendonly: answered recvonly (RFC 8285 §6).
    String directed = PUBLISH_OFFER.replace("a=extmap:3 http", "a=extmap:3/sendonly http");
    SessionDescription directedAnswer =
        SessionDescription.parse(PublishAnswerer.answer(directed, LOCAL).sdp());
    assertThat(directedAnswer.media("1").extmaps()).containsExactly(new ExtMap(3,
        Direction.RECVONLY, PublishAnswerer.TRANSPORT_CC_URI, null));

    // Not offered at all: no extension, no feedback, id 0.
    String without = PUBLISH_OFFER.lines()
        .filter(l -> !l.contains("transport-wide-cc") && !l.endsWith(" transport-cc"))
        .reduce("", (a, b) -> a + b + "\r\n");
    PublishAnswerer.Answer plain = PublishAnswerer.answer(without, LOCAL);
    assertThat(plain.transportCcExtensionId()).isZero();
    assertThat(plain.sdp()).doesNotContain("extmap", "transport-cc");
  }

  @Test
  void usesOneIdForTheWholeBundle() throws Exception {
    // The video m-section offers the extension under another id than the audio one; the
    // transport can only read one, so video goes without (and without its feedback).
    int videoStart = PUBLISH_OFFER.indexOf("m=video");
    String offer = PUBLISH_OFFER.substring(0, videoStart) + PUBLISH_OFFER.substring(videoStart)
        .replace("a=extmap:3 http", "a=extmap:12 http");
    PublishAnswerer.Answer answer = PublishAnswerer.answer(offer, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());
    assertThat(answer.transportCcExtensionId()).isEqualTo(3);
    assertThat(sdp.media("0").extmaps()).extracting(ExtMap::id).containsExactly(3);
    assertThat(sdp.media("1").extmaps()).isEmpty();
    assertThat(sdp.media("1").rtcpFeedback(96)).doesNotContain(
        new RtcpFeedback(96, "transport-cc", null));
  }

  @Test
  void takesThePayloadTypesTheOfferGivesOpusAndVp8() throws Exception {
    // Opus at 63 (where Chromium put RED), VP8 at 98 (where it put VP9), and the other way round.
    String offer = PUBLISH_OFFER
        .replace("a=rtpmap:63 red/48000/2", "a=rtpmap:111 red/48000/2")
        .replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:63 opus/48000/2")
        .replace("a=rtpmap:98 VP9/90000", "a=rtpmap:96 VP9/90000")
        .replace("a=rtpmap:96 VP8/90000", "a=rtpmap:98 VP8/90000");
    PublishAnswerer.Answer answer = PublishAnswerer.answer(offer, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());
    assertThat(sdp.media("0").formats()).containsExactly("63");
    assertThat(sdp.media("0").rtpMap(63)).isEqualTo(new RtpMap(63, "opus", 48000, 2));
    assertThat(sdp.media("1").formats()).containsExactly("98");
    assertThat(sdp.media("1").rtpMap(98)).isEqualTo(new RtpMap(98, "VP8", 90000, null));
    assertThat(answer.tracks()).extracting(PublishAnswerer.Track::payloadType)
        .containsExactly(63, 98);
  }

  @Test
  void rejectsWhatItDoesNotReceiveWithPortZero() throws Exception {
    // Video offering H264 only, and a data channel section.
    String application = capture("chromium-datachannel-offer.sdp");
    application = application.substring(application.indexOf("m=application"))
        .replace("a=mid:0", "a=mid:2");
    String offer = PUBLISH_OFFER
        .replace("UDP/TLS/RTP/SAVPF 96 97 102", "UDP/TLS/RTP/SAVPF 102")
        .replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2") + application;

    PublishAnswerer.Answer answer = PublishAnswerer.answer(offer, LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());

    assertThat(sdp.media()).extracting(MediaDescription::mid).containsExactly("0", "1", "2");
    assertThat(sdp.media("0").port()).isEqualTo(9);
    for (String mid : List.of("1", "2")) {
      MediaDescription rejected = sdp.media(mid);
      MediaDescription offered = SessionDescription.parse(offer).media(mid);
      assertThat(rejected.port()).as("m-section %s", mid).isZero();
      assertThat(rejected.isRejected()).isTrue();
      assertThat(rejected.proto()).isEqualTo(offered.proto());
      assertThat(rejected.formats()).isEqualTo(offered.formats());
    }
    assertThat(sdp.group(Group.BUNDLE).mids()).containsExactly("0");
    assertThat(answer.tracks()).extracting(PublishAnswerer.Track::kind)
        .containsExactly(MediaKind.AUDIO);
  }

  @Test
  void anAudioOnlySendrecvOfferIsReceivedOnly() throws Exception {
    PublishAnswerer.Answer answer =
        PublishAnswerer.answer(capture("chromium-audio-offer.sdp"), LOCAL);
    SessionDescription sdp = SessionDescription.parse(answer.sdp());
    assertThat(sdp.media()).singleElement().satisfies(m -> {
      assertThat(sdp.direction(m)).isEqualTo(Direction.RECVONLY);
      assertThat(m.formats()).containsExactly("111");
    });
    assertThat(answer.tracks()).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(MediaKind.AUDIO);
      assertThat(t.clockRate()).isEqualTo(48000);
    });
  }

  @Test
  void simulcastIsNotNegotiatedYet() throws Exception {
    PublishAnswerer.Answer answer =
        PublishAnswerer.answer(capture("chromium-publish-offer-simulcast.sdp"), LOCAL);
    assertThat(answer.sdp()).doesNotContain("a=simulcast", "a=rid", "rtp-stream-id")
        .contains("transport-wide-cc-extensions-01");
    assertThat(answer.tracks()).extracting(PublishAnswerer.Track::ssrc).contains(3222988211L);
  }

  @Test
  void unusableOffersAreSdpNegotiationExceptions() {
    String noFingerprint = PUBLISH_OFFER.lines()
        .filter(l -> !l.startsWith("a=fingerprint")).reduce("", (a, b) -> a + b + "\r\n");
    String noUfrag = PUBLISH_OFFER.lines()
        .filter(l -> !l.startsWith("a=ice-ufrag")).reduce("", (a, b) -> a + b + "\r\n");
    String sessionOnly = PUBLISH_OFFER.substring(0, PUBLISH_OFFER.indexOf("m=audio"));
    List<String> offers = List.of(
        "",
        "hello",
        PUBLISH_OFFER.replace("a=group:BUNDLE 0 1\r\n", ""),
        PUBLISH_OFFER.replace("a=mid:1\r\n", ""),
        PUBLISH_OFFER.replace("a=setup:actpass", "a=setup:passive"),
        noFingerprint,
        noUfrag,
        sessionOnly,
        capture("chromium-datachannel-offer.sdp"));
    for (String offer : offers) {
      assertThatThrownBy(() -> PublishAnswerer.answer(offer, LOCAL))
          .as(offer.length() > 40 ? offer.substring(0, 40) : offer)
          .isInstanceOf(SdpNegotiationException.class).hasMessageNotContaining("null");
    }
  }

  @Test
  void truncationsAreAnsweredOrRefused() {
    // Around every line end, where a cut leaves well-formed lines, and at random places.
    String offer = PUBLISH_OFFER;
    for (int end = offer.indexOf('\n'); end >= 0; end = offer.indexOf('\n', end + 1)) {
      for (int n = Math.max(0, end - 2); n <= Math.min(offer.length(), end + 2); n++) {
        answerOrRefuse(offer.substring(0, n));
      }
    }
    Random random = new Random(5763);
    for (int i = 0; i < 300; i++) {
      answerOrRefuse(offer.substring(0, random.nextInt(offer.length())));
    }
  }


  @Test
  void randomCorruptionsAreAnsweredOrRefused() {
    Random random = new Random(8829);
    String specials = "\r\n :=/;-0123456789amvc";
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder(PUBLISH_OFFER);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(sb.length());
        switch (random.nextInt(3)) {
          case 0 -> sb.setCharAt(at, specials.charAt(random.nextInt(specials.length())));
          case 1 -> sb.deleteCharAt(at);
          default -> sb.insert(at, (char) (0x20 + random.nextInt(0x5F)));
        }
      }
      answerOrRefuse(sb.toString());
    }
  }

  /** An offer is answered with parseable SDP, or refused with SdpNegotiationException. */
  private static void answerOrRefuse(String offer) {
    try {
      PublishAnswerer.Answer answer = PublishAnswerer.answer(offer, LOCAL);
      SessionDescription.parse(answer.sdp());
      assertThat(answer.remoteFingerprint()).isNotNull();
    } catch (SdpNegotiationException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (SdpParseException e) {
      fail("the answer to an accepted offer does not parse", e);
    } catch (RuntimeException e) {
      fail("offer led to " + e + ":\n" + offer, e);
    }
  }

  private static String capture(String name) {
    try (InputStream in = PublishAnswererTest.class.getResourceAsStream(
        "/io/kaihui/media/sdp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
