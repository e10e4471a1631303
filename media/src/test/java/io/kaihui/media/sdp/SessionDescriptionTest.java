package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

  static final List<String> CAPTURES = Captures.ALL;

  private static final String TWCC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  private static final String MID_EXT = "urn:ietf:params:rtp-hdrext:sdes:mid";
  private static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  // ---- Chromium captures -------------------------------------------------------------------

  @Test
  void publishOfferHasBundleCredentialsAndDtlsRole() {
    SessionDescription sd = Captures.parse(Captures.PUBLISH_OFFER);

    assertThat(sd.version()).isZero();
    assertThat(sd.origin())
        .isEqualTo(new Origin("-", 5148405364606390010L, 2, "IN", "IP4", "127.0.0.1"));
    assertThat(sd.sessionName()).isEqualTo("-");
    assertThat(sd.timing()).isEqualTo(Timing.PERMANENT);
    assertThat(sd.group(Group.BUNDLE)).isEqualTo(new Group("BUNDLE", List.of("0", "1")));
    assertThat(sd.extmapAllowMixed()).isTrue();
    assertThat(sd.iceLite()).isFalse();
    assertThat(sd.msidSemantic()).isEqualTo("WMS bbd63beb-9855-4222-94dc-309fdcfabe6e");
    assertThat(sd.media()).extracting(MediaDescription::type).containsExactly("audio", "video");
    assertThat(sd.media()).extracting(MediaDescription::mid).containsExactly("0", "1");

    for (MediaDescription m : sd.media()) {
      assertThat(m.proto()).isEqualTo(MediaDescription.PROTO_RTP);
      assertThat(m.connection()).isEqualTo(new Connection("IN", "IP4", "127.0.0.1"));
      assertThat(sd.iceUfrag(m)).isEqualTo("w8RY");
      assertThat(sd.icePwd(m)).isEqualTo("CvVj2BO3XkCcF72ezCHkHjoo");
      assertThat(sd.iceOptions(m)).containsExactly("trickle");
      Fingerprint fp = sd.fingerprint(m);
      assertThat(fp.algorithm()).isEqualTo("sha-256");
      assertThat(fp.value())
          .isEqualTo(
              "40:5D:B7:79:FD:86:90:EB:8B:FE:E2:53:62:39:61:15:"
                  + "F8:9C:85:33:F3:0D:AD:76:72:0C:F0:22:48:F9:46:A5");
      assertThat(fp.digest()).hasSize(32).startsWith((byte) 0x40, (byte) 0x5D);
      assertThat(sd.setup(m)).isEqualTo(Setup.ACTPASS);
      assertThat(sd.direction(m)).isEqualTo(Direction.SENDONLY);
      assertThat(m.rtcpMux()).isTrue();
      assertThat(m.rtcpRsize()).isTrue();
      assertThat(m.msid().streamId()).isEqualTo("bbd63beb-9855-4222-94dc-309fdcfabe6e");
    }
  }

  @Test
  void publishOfferAudioHasOpusWithFecAndItsExtensions() {
    MediaDescription audio = Captures.parse(Captures.PUBLISH_OFFER).media("0");

    assertThat(audio.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
    assertThat(audio.rtpMap(111)).isEqualTo(new RtpMap(111, "opus", 48000, 2));
    assertThat(audio.rtpMap(0)).isEqualTo(new RtpMap(0, "PCMU", 8000, null));
    assertThat(audio.fmtp(111)).isEqualTo("minptime=10;useinbandfec=1");
    assertThat(audio.fmtpParameters(111))
        .containsExactly(Map.entry("minptime", "10"), Map.entry("useinbandfec", "1"));
    assertThat(audio.fmtp(63)).isEqualTo("111/111");
    assertThat(audio.rtcpFeedback(111))
        .containsExactly(new RtcpFeedback(111, "transport-cc", null));
    assertThat(audio.extmaps())
        .containsExactly(
            ExtMap.of(1, AUDIO_LEVEL),
            ExtMap.of(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
            ExtMap.of(3, TWCC),
            ExtMap.of(4, MID_EXT));
    assertThat(audio.ssrcs())
        .containsExactly(
            new SsrcAttribute(3972950970L, "cname", "pTDeD2WgqnUi8G/T"),
            new SsrcAttribute(
                3972950970L,
                "msid",
                "bbd63beb-9855-4222-94dc-309fdcfabe6e e0751e24-99d0-4898-b335-7ea933145f69"));
    assertThat(audio.msid())
        .isEqualTo(
            new Msid(
                "bbd63beb-9855-4222-94dc-309fdcfabe6e", "e0751e24-99d0-4898-b335-7ea933145f69"));
    assertThat(audio.attributes().value("rtcp")).isEqualTo("9 IN IP4 0.0.0.0");
    assertThat(audio.attributes().value("rtcp-xr")).isEqualTo("rcvr-rtt=all");
  }

  @Test
  void publishOfferVideoHasVp8FeedbackRtxAndFidGroup() {
    MediaDescription video = Captures.parse(Captures.PUBLISH_OFFER).media("1");

    assertThat(video.rtpMap(96)).isEqualTo(new RtpMap(96, "VP8", 90000, null));
    assertThat(video.rtpMap(97)).isEqualTo(new RtpMap(97, "rtx", 90000, null));
    assertThat(video.fmtpParameters(97)).containsExactly(Map.entry("apt", "96"));
    assertThat(video.rtcpFeedback(96))
        .containsExactly(
            new RtcpFeedback(96, "goog-remb", null),
            new RtcpFeedback(96, "transport-cc", null),
            new RtcpFeedback(96, "ccm", "fir"),
            new RtcpFeedback(96, "nack", null),
            new RtcpFeedback(96, "nack", "pli"));
    assertThat(video.rtpMaps())
        .extracting(RtpMap::encodingName)
        .contains("VP8", "VP9", "H264", "AV1", "red", "ulpfec");
    assertThat(video.fmtpParameters(102))
        .containsEntry("profile-level-id", "42001f")
        .containsEntry("packetization-mode", "1");
    assertThat(video.extmaps())
        .contains(
            ExtMap.of(3, TWCC),
            ExtMap.of(4, MID_EXT),
            ExtMap.of(10, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
            ExtMap.of(14, "urn:ietf:params:rtp-hdrext:toffset"));
    assertThat(video.ssrcGroups())
        .containsExactly(new SsrcGroup("FID", List.of(3058461377L, 3336897830L)));
    assertThat(video.ssrcs())
        .hasSize(4)
        .allMatch(s -> s.ssrc() == 3058461377L || s.ssrc() == 3336897830L);
    assertThat(video.ssrcs().get(0))
        .isEqualTo(new SsrcAttribute(3058461377L, "cname", "pTDeD2WgqnUi8G/T"));
    assertThat(video.msid().trackId()).isEqualTo("5bb272f1-9b60-4bd4-93b9-1046051b1524");
    assertThat(video.rids()).isEmpty();
    assertThat(video.simulcast()).isNull();
  }

  @Test
  void publishOfferCandidatesAreHostOnLoopbackAtTheMlinePort() {
    SessionDescription sd = Captures.parse(Captures.PUBLISH_OFFER);
    for (MediaDescription m : sd.media()) {
      List<Candidate> candidates = m.candidates();
      assertThat(candidates)
          .hasSize(2)
          .allMatch(c -> c.type().equals("host"))
          .allMatch(c -> c.address().equals("127.0.0.1"))
          .allMatch(c -> c.component() == 1);
      Candidate udp = candidates.get(0);
      assertThat(udp.transport()).isEqualTo("udp");
      assertThat(udp.priority()).isEqualTo(2122260223L);
      assertThat(udp.port()).isEqualTo(m.port());
      assertThat(udp.extensions())
          .containsExactly(
              Map.entry("generation", "0"),
              Map.entry("network-id", "1"),
              Map.entry("network-cost", "50"));
      Candidate tcp = candidates.get(1);
      assertThat(tcp.transport()).isEqualTo("tcp");
      assertThat(tcp.port()).isEqualTo(9);
      assertThat(tcp.tcpType()).isEqualTo("active");
    }
    assertThat(sd.media()).extracting(MediaDescription::port).containsExactly(35445, 51784);
    assertThat(sd.media().get(0).endOfCandidates()).isFalse();
  }

  @Test
  void simulcastOfferHasRidsAndSimulcastButNoVideoSsrcs() {
    SessionDescription sd = Captures.parse(Captures.PUBLISH_OFFER_SIMULCAST);
    MediaDescription video = sd.media("1");

    assertThat(video.rids()).containsExactly("h send", "m send", "l send");
    assertThat(video.simulcast()).isEqualTo("send h;m;l");
    assertThat(video.ssrcs()).isEmpty();
    assertThat(video.ssrcGroups()).isEmpty();
    assertThat(video.extmaps())
        .contains(
            ExtMap.of(10, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
            ExtMap.of(11, "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"));
    assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(sd.media("0").ssrcs()).extracting(SsrcAttribute::ssrc).containsOnly(3222988211L);
  }

  @Test
  void subscribeAnswerIsActiveRecvonlyAndBundled() {
    SessionDescription sd = Captures.parse(Captures.SUBSCRIBE_ANSWER);

    assertThat(sd.group("BUNDLE").mids()).containsExactly("0", "1");
    assertThat(sd.iceLite()).isFalse();
    MediaDescription audio = sd.media().get(0);
    MediaDescription video = sd.media().get(1);
    assertThat(audio.formats()).containsExactly("111");
    assertThat(video.formats()).containsExactly("96", "97");
    for (MediaDescription m : sd.media()) {
      assertThat(m.setup()).isEqualTo(Setup.ACTIVE);
      assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
      assertThat(m.iceUfrag()).isEqualTo("s0H5");
      assertThat(m.icePwd()).isEqualTo("EmMOxeaGa0pOvNnj7xr1hmn6");
      assertThat(m.ssrcs()).isEmpty();
    }
    assertThat(audio.candidates()).hasSize(2).first().extracting(Candidate::port).isEqualTo(47952);
    assertThat(video.port()).isEqualTo(9);
    assertThat(video.connection()).isEqualTo(Connection.of("0.0.0.0"));
    assertThat(video.candidates()).isEmpty();
    assertThat(audio.fmtpParameters(111)).containsEntry("useinbandfec", "1");
    assertThat(video.rtcpFeedback(96)).contains(new RtcpFeedback(96, "nack", "pli"));
  }

  @Test
  void serverSubscribeOfferIsIceLiteWithSsrcs() {
    SessionDescription sd = Captures.parse(Captures.SERVER_SUBSCRIBE_OFFER);

    assertThat(sd.iceLite()).isTrue();
    assertThat(sd.msidSemantic()).isEqualTo("WMS *");
    MediaDescription audio = sd.media("0");
    MediaDescription video = sd.media("1");
    assertThat(audio.endOfCandidates()).isTrue();
    assertThat(audio.candidates())
        .containsExactly(
            new Candidate(
                "1", 1, "udp", 2130706431L, "127.0.0.1", 10000, "host", Map.of("generation", "0")));
    assertThat(audio.iceOptions()).containsExactly("renomination");
    assertThat(video.ssrcGroups())
        .containsExactly(new SsrcGroup(SsrcGroup.FID, List.of(2001L, 2002L)));
    assertThat(video.ssrcs())
        .contains(new SsrcAttribute(2002, "msid", "kaihui-p1 kaihui-p1-video"));
    assertThat(video.msid()).isEqualTo(new Msid("kaihui-p1", "kaihui-p1-video"));
    assertThat(sd.setup(video)).isEqualTo(Setup.ACTPASS);
  }

  @Test
  void dataChannelOfferHasOneApplicationSection() {
    SessionDescription sd = Captures.parse(Captures.DATACHANNEL_OFFER);

    assertThat(sd.media()).hasSize(1);
    MediaDescription app = sd.media().get(0);
    assertThat(app.type()).isEqualTo(MediaDescription.APPLICATION);
    assertThat(app.proto()).isEqualTo(MediaDescription.PROTO_SCTP);
    assertThat(app.formats()).containsExactly("webrtc-datachannel");
    assertThat(app.sctpPort()).isEqualTo(5000);
    assertThat(app.maxMessageSize()).isEqualTo(262144L);
    assertThat(app.rtpMaps()).isEmpty();
    assertThat(app.direction()).isNull();
    assertThat(sd.direction(app)).isEqualTo(Direction.SENDRECV);
    assertThat(sd.msidSemantic()).isEqualTo("WMS");
    assertThat(app.candidates()).extracting(Candidate::port).containsExactly(46856, 9);
  }

  @Test
  void audioOnlyOfferIsSendrecvWithOneSsrc() {
    SessionDescription sd = Captures.parse(Captures.AUDIO_OFFER);

    assertThat(sd.media())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
              assertThat(m.rtpMap(111).channels()).isEqualTo(2);
              assertThat(m.rtpMap(110)).isEqualTo(new RtpMap(110, "telephone-event", 48000, null));
              assertThat(m.ssrcs()).extracting(SsrcAttribute::ssrc).containsOnly(749988089L);
            });
    assertThat(sd.group(Group.BUNDLE).mids()).containsExactly("0");
    assertThat(sd.group("LS")).isNull();
  }

  // ---- round trips -------------------------------------------------------------------------

  @ParameterizedTest
  @FieldSource("CAPTURES")
  void writingAParsedCaptureReproducesItByteForByte(String name) throws SdpParseException {
    String text = Captures.read(name);
    SessionDescription sd = SessionDescription.parse(text);

    assertThat(sd.toString()).isEqualTo(text);
    assertThat(SessionDescription.parse(sd.toString())).isEqualTo(sd).hasSameHashCodeAs(sd);
  }

  @ParameterizedTest
  @FieldSource("CAPTURES")
  void lfLineEndsAndAMissingFinalLineEndParseToTheSameModel(String name) throws SdpParseException {
    String text = Captures.read(name);
    String lf = text.replace("\r\n", "\n");
    String noFinalEnd = text.substring(0, text.length() - 2);

    assertThat(SessionDescription.parse(lf)).isEqualTo(SessionDescription.parse(text));
    assertThat(SessionDescription.parse(noFinalEnd).toString()).isEqualTo(text);
  }

  @Test
  void unknownAttributesAndLinesSurviveARoundTrip() throws SdpParseException {
    String text =
        Captures.read(Captures.AUDIO_OFFER)
            .replace(
                "a=extmap-allow-mixed\r\n",
                "a=extmap-allow-mixed\r\na=x-kaihui-session:one two  three \r\n")
            .replace(
                "a=mid:0\r\n",
                "a=mid:0\r\na=x-kaihui-flag\r\na=x-empty:\r\na=rtcp-xr:rcvr-rtt=all;new\r\n")
            .replace("s=-\r\n", "s=-\r\ni=Kaihui meeting\r\nu=https://kaihui.example/m/1\r\n")
            .replace("t=0 0\r\n", "t=0 0\r\nr=604800 3600 0 90000\r\n")
            .replace("c=IN IP4 127.0.0.1\r\n", "i=microphone\r\nc=IN IP4 127.0.0.1\r\nb=AS:64\r\n");

    SessionDescription sd = SessionDescription.parse(text);

    assertThat(sd.toString()).isEqualTo(text);
    assertThat(sd.attributes().value("x-kaihui-session")).isEqualTo("one two  three ");
    MediaDescription m = sd.media().get(0);
    assertThat(m.attributes().first("x-kaihui-flag")).isEqualTo(Attribute.flag("x-kaihui-flag"));
    assertThat(m.attributes().first("x-empty").value()).isEmpty();
    assertThat(m.bandwidths()).containsExactly(new Bandwidth("AS", 64));
    assertThat(m.otherLines()).containsExactly(new SdpLine('i', "microphone"));
    assertThat(sd.otherLines())
        .containsExactly(
            new SdpLine('i', "Kaihui meeting"),
            new SdpLine('u', "https://kaihui.example/m/1"),
            new SdpLine('r', "604800 3600 0 90000"));
  }

  @Test
  void outOfOrderLinesAreWrittenInRfcOrderWithTheSameModel() throws SdpParseException {
    String text =
        "v=0\no=- 1 1 IN IP4 0.0.0.0\na=ice-lite\ns=-\nk=prompt\nm=audio 9 RTP/AVP 0\n"
            + "a=mid:a\nk=clear:x\nb=AS:10\nc=IN IP4 0.0.0.0\ni=first\n";

    SessionDescription sd = SessionDescription.parse(text);

    assertThat(sd.toString())
        .isEqualTo(
            "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nk=prompt\r\n"
                + "a=ice-lite\r\nm=audio 9 RTP/AVP 0\r\ni=first\r\nc=IN IP4 0.0.0.0\r\nb=AS:10\r\n"
                + "k=clear:x\r\na=mid:a\r\n");
    assertThat(SessionDescription.parse(sd.toString())).isEqualTo(sd);
  }

  @Test
  void portCountIsKept() throws SdpParseException {
    SessionDescription sd =
        SessionDescription.parse(
            "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=x\r\nt=0 0\r\nm=video 49170/2 RTP/AVP 31\r\n");

    assertThat(sd.media().get(0).port()).isEqualTo(49170);
    assertThat(sd.media().get(0).portCount()).isEqualTo(2);
    assertThat(sd.toString()).contains("m=video 49170/2 RTP/AVP 31\r\n");
  }

  // ---- session-level fallbacks (Firefox layout) ----------------------------------------------

  /** Firefox writes ICE credentials and the fingerprint once at session level. */
  private static final String SESSION_LEVEL =
      """
      v=0
      o=mozilla...THIS_IS_SDPARTA-99.0 6289223567023262143 0 IN IP4 0.0.0.0
      s=-
      t=0 0
      a=sendonly
      a=fingerprint:sha-256 2C:3A:44:A9:55:4B:63:02:80:70:0D:77:1E:85:CB:AB:49:24:7F:DB:B5:C9:2E:16:D3:0A:58:2B:C2:16:34:03
      a=group:BUNDLE 0 1
      a=ice-options:trickle
      a=msid-semantic:WMS *
      m=audio 9 UDP/TLS/RTP/SAVPF 109
      c=IN IP4 0.0.0.0
      a=ice-pwd:1d8a7c6c2e5a4b5c9f0e8d7c6b5a4f3e
      a=ice-ufrag:7c2a1b9e
      a=mid:0
      a=setup:actpass
      a=rtpmap:109 opus/48000/2
      m=video 9 UDP/TLS/RTP/SAVPF 120
      c=IN IP4 0.0.0.0
      a=recvonly
      a=ice-ufrag:own
      a=ice-pwd:ownownownownownownownown
      a=ice-options:ice2
      a=fingerprint:sha-1 AB:CD
      a=mid:1
      a=setup:active
      a=rtpmap:120 VP8/90000
      """;

  @Test
  void sectionValuesFallBackToSessionLevel() throws SdpParseException {
    SessionDescription sd = SessionDescription.parse(SESSION_LEVEL);
    MediaDescription audio = sd.media("0");
    MediaDescription video = sd.media("1");

    assertThat(audio.fingerprint()).isNull();
    assertThat(audio.direction()).isNull();
    assertThat(sd.fingerprint(audio).value()).startsWith("2C:3A");
    assertThat(sd.direction(audio)).isEqualTo(Direction.SENDONLY);
    assertThat(sd.iceOptions(audio)).containsExactly("trickle");
    assertThat(sd.iceUfrag(audio)).isEqualTo("7c2a1b9e");
    assertThat(sd.msidSemantic()).isEqualTo("WMS *");

    assertThat(sd.fingerprint(video)).isEqualTo(new Fingerprint("sha-1", "AB:CD"));
    assertThat(sd.direction(video)).isEqualTo(Direction.RECVONLY);
    assertThat(sd.iceOptions(video)).containsExactly("ice2");
    assertThat(sd.iceUfrag(video)).isEqualTo("own");
    assertThat(sd.icePwd(video)).isEqualTo("ownownownownownownownown");
    assertThat(sd.setup(video)).isEqualTo(Setup.ACTIVE);

    sd.attributes().removeNamed("fingerprint");
    sd.attributes().removeNamed("sendonly");
    assertThat(sd.fingerprint(audio)).isNull();
    assertThat(sd.setup(sd.media("0"))).isEqualTo(Setup.ACTPASS);
    assertThat(sd.iceUfrag(new MediaDescription("audio", 9, "RTP/AVP", List.of("0")))).isNull();
    assertThat(sd.direction(audio)).isEqualTo(Direction.SENDRECV);
  }

  // ---- building a server answer ------------------------------------------------------------

  private static final String SERVER_FINGERPRINT =
      "6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:"
          + "DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08";

  /** What the SFU answers to Chromium's publish offer: one transport, Opus and VP8 with RTX. */
  static final String EXPECTED_PUBLISH_ANSWER =
      """
      v=0\r
      o=- 4611731400430051336 1 IN IP4 0.0.0.0\r
      s=-\r
      t=0 0\r
      a=group:BUNDLE 0 1\r
      a=extmap-allow-mixed\r
      a=ice-lite\r
      a=msid-semantic: WMS *\r
      m=audio 10000 UDP/TLS/RTP/SAVPF 111\r
      c=IN IP4 127.0.0.1\r
      a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host\r
      a=end-of-candidates\r
      a=ice-ufrag:kh7Qz1vE\r
      a=ice-pwd:Yp0c2sM9vKq3tRw8nB5xLd7f\r
      a=fingerprint:sha-256 %1$s\r
      a=setup:passive\r
      a=mid:0\r
      a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r
      a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r
      a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r
      a=recvonly\r
      a=rtcp-mux\r
      a=rtpmap:111 opus/48000/2\r
      a=rtcp-fb:111 transport-cc\r
      a=fmtp:111 minptime=10;useinbandfec=1\r
      m=video 10000 UDP/TLS/RTP/SAVPF 96 97\r
      c=IN IP4 127.0.0.1\r
      a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host\r
      a=end-of-candidates\r
      a=ice-ufrag:kh7Qz1vE\r
      a=ice-pwd:Yp0c2sM9vKq3tRw8nB5xLd7f\r
      a=fingerprint:sha-256 %1$s\r
      a=setup:passive\r
      a=mid:1\r
      a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r
      a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r
      a=recvonly\r
      a=rtcp-mux\r
      a=rtcp-rsize\r
      a=rtpmap:96 VP8/90000\r
      a=rtcp-fb:96 transport-cc\r
      a=rtcp-fb:96 ccm fir\r
      a=rtcp-fb:96 nack\r
      a=rtcp-fb:96 nack pli\r
      a=rtpmap:97 rtx/90000\r
      a=fmtp:97 apt=96\r
      """
          .formatted(SERVER_FINGERPRINT);

  /** Builds an SFU answer to an offer with the model API, as the server will. */
  static SessionDescription answerTo(SessionDescription offer) {
    Set<String> extensions = Set.of(AUDIO_LEVEL, TWCC, MID_EXT);
    SessionDescription answer = new SessionDescription(Origin.anonymous(4611731400430051336L, 1));
    answer.setGroup(new Group(Group.BUNDLE, List.of("0", "1")));
    answer.setExtmapAllowMixed(true);
    answer.setIceLite(true);
    answer.setMsidSemantic("WMS *");
    for (MediaDescription o : offer.media()) {
      MediaDescription m = new MediaDescription(o.type(), 10000, o.proto(), List.of());
      m.setConnection(Connection.of("127.0.0.1"));
      m.addCandidate(Candidate.host("1", "udp", 2130706431L, "127.0.0.1", 10000));
      m.setEndOfCandidates(true);
      m.setIceUfrag("kh7Qz1vE");
      m.setIcePwd("Yp0c2sM9vKq3tRw8nB5xLd7f");
      m.setFingerprint(new Fingerprint("sha-256", SERVER_FINGERPRINT));
      m.setSetup(Setup.PASSIVE);
      m.setMid(o.mid());
      for (ExtMap e : o.extmaps()) {
        if (extensions.contains(e.uri())) {
          m.addExtMap(e);
        }
      }
      m.setDirection(offer.direction(o).reverse());
      m.setRtcpMux(true);
      String codec = o.type().equals(MediaDescription.AUDIO) ? "opus" : "VP8";
      RtpMap main =
          o.rtpMaps().stream()
              .filter(r -> r.encodingName().equalsIgnoreCase(codec))
              .findFirst()
              .orElseThrow();
      if (o.type().equals(MediaDescription.VIDEO)) {
        m.setRtcpRsize(true);
      }
      m.addRtpMap(main);
      for (RtcpFeedback fb : o.rtcpFeedback(main.payloadType())) {
        if (!fb.type().equals("goog-remb")) {
          m.addRtcpFeedback(fb);
        }
      }
      if (o.fmtp(main.payloadType()) != null) {
        m.setFmtp(main.payloadType(), o.fmtp(main.payloadType()));
      }
      for (RtpMap r : o.rtpMaps()) {
        if (r.encodingName().equals("rtx")
            && String.valueOf(main.payloadType())
                .equals(o.fmtpParameters(r.payloadType()).get("apt"))) {
          m.addRtpMap(r);
          m.setFmtp(r.payloadType(), Map.of("apt", String.valueOf(main.payloadType())));
        }
      }
      answer.media().add(m);
    }
    return answer;
  }

  @Test
  void serverAnswerBuiltWithTheModelApiHasTheExpectedText() throws SdpParseException {
    SessionDescription answer = answerTo(Captures.parse(Captures.PUBLISH_OFFER));

    assertThat(answer.toString()).isEqualTo(EXPECTED_PUBLISH_ANSWER);
    SessionDescription reparsed = SessionDescription.parse(answer.toString());
    assertThat(reparsed).isEqualTo(answer);
    assertThat(reparsed.media("1").candidates())
        .containsExactly(Candidate.host("1", "udp", 2130706431L, "127.0.0.1", 10000));
  }

  @Test
  void aServerCanMutateAParsedDescription() throws SdpParseException {
    SessionDescription sd = Captures.parse(Captures.SUBSCRIBE_ANSWER);
    sd.setOrigin(sd.origin().withSessionVersion(3));
    sd.media().get(1).setPort(0);
    sd.setGroup(new Group("BUNDLE", List.of("0")));
    sd.setSessionName("kaihui");
    sd.setTiming(new Timing(3_900_000_000L, 0));

    String text = sd.toString();

    assertThat(text)
        .contains(
            "o=- 4625066011097692675 3 IN IP4 127.0.0.1\r\n",
            "s=kaihui\r\n",
            "t=3900000000 0\r\n",
            "a=group:BUNDLE 0\r\n",
            "m=video 0 UDP/TLS/RTP/SAVPF 96 97\r\n");
    assertThat(text).containsOnlyOnce("a=group:");
    assertThat(SessionDescription.parse(text).media().get(1).isRejected()).isTrue();
    assertThat(SessionDescription.parse(text))
        .isEqualTo(sd)
        .isNotEqualTo(Captures.parse(Captures.SUBSCRIBE_ANSWER));
  }

  // ---- rejections --------------------------------------------------------------------------

  private static final String MINIMAL = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n";

  @Test
  void rejectionsNameTheLine() {
    assertRejected("", 1, "empty");
    assertRejected("\r\n", 1, "not a <type>=<value>");
    assertRejected("o=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n", 1, "v=0");
    assertRejected("v=1\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n", 1, "v=0");
    assertRejected("v=0\r\ns=-\r\nt=0 0\r\n", 2, "o=");
    assertRejected("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nt=0 0\r\n", 3, "missing s=");
    assertRejected("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\n", 3, "missing s=");
    assertRejected("v=0\r\no=- x 1 IN IP4 0.0.0.0\r\ns=-\r\n", 2, "session id");
    assertRejected(
        "v=0\r\no=- 99999999999999999999 1 IN IP4 0.0.0.0\r\ns=-\r\n", 2, "out of range");
    assertRejected("v=0\r\no=- 1 -1 IN IP4 0.0.0.0\r\ns=-\r\n", 2, "version");
    assertRejected("v=0\r\no=- 1 1 IN IP4\r\ns=-\r\n", 2, "6");
    assertRejected(MINIMAL + "t=0 0\r\n", 5, "t=");
    assertRejected(MINIMAL + "t=0\r\n".replace("t=0", "c=IN"), 5, "c=");
    assertRejected(MINIMAL + "hello\r\n", 5, "<type>=<value>");
    assertRejected(MINIMAL + "x=1\r\n", 5, "unknown line type");
    assertRejected(MINIMAL + "A=1\r\n", 5, "unknown line type");
    assertRejected(MINIMAL + " a=rtcp-mux\r\n", 5, "<type>=<value>");
    assertRejected(MINIMAL + "a=foo\rbar\r\n", 5, "CR");
    assertRejected(MINIMAL + "a=foo\0\r\n", 5, "NUL");
    assertRejected(MINIMAL + "a=\r\n", 5, "token");
    assertRejected(MINIMAL + "a=rtcp mux\r\n", 5, "token");
    assertRejected(MINIMAL + "m=audio 70000 RTP/AVP 0\r\n", 5, "port");
    assertRejected(MINIMAL + "m=audio -1 RTP/AVP 0\r\n", 5, "port");
    assertRejected(MINIMAL + "m=audio 9 RTP/AVP\r\n", 5, "m=");
    assertRejected(MINIMAL + "m=audio 9 RTP/AVP 128\r\n", 5, "payload type");
    assertRejected(MINIMAL + "m=audio 9 RTP/AVP 0  8\r\n", 5, "payload type");
    assertRejected(MINIMAL + "m=audio 9 RTP//AVP 0\r\n", 5, "proto");
    assertRejected(MINIMAL + "m=audio 9/0 RTP/AVP 0\r\n", 5, "number of ports");
    assertRejected(MINIMAL + "m=application 9 UDP/DTLS/SCTP web:rtc\r\n", 5, "format");
    assertRejected(
        MINIMAL + "m=audio 9 RTP/AVP 0\r\ns=again\r\n", 6, "not allowed in a media section");
    assertRejected(
        MINIMAL + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\n", 7, "c=");
    assertRejected(MINIMAL + "b=AS:x\r\n", 5, "bandwidth");
  }

  @Test
  void typedAttributesAreCheckedWhileParsing() {
    String m = MINIMAL + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    assertRejected(m + "a=rtpmap:111 opus\r\n", 6, "rtpmap");
    assertRejected(m + "a=rtpmap:300 opus/48000\r\n", 6, "payload type");
    assertRejected(m + "a=fmtp:111\r\n", 6, "fmtp");
    assertRejected(m + "a=fmtp:200 apt=1\r\n", 6, "payload type");
    assertRejected(m + "a=rtcp-fb:111\r\n", 6, "rtcp-fb");
    assertRejected(m + "a=extmap:0 urn:x\r\n", 6, "extmap id");
    assertRejected(m + "a=ssrc:4294967296 cname:x\r\n", 6, "ssrc");
    assertRejected(m + "a=ssrc-group:FID\r\n", 6, "ssrc-group");
    assertRejected(m + "a=msid:a b c\r\n", 6, "msid");
    assertRejected(m + "a=candidate:1 1 udp 1 1.2.3.4 70000 typ host\r\n", 6, "port");
    assertRejected(m + "a=candidate:candidate:1 1 udp 1 1.2.3.4 7 typ host\r\n", 6, "candidate");
    assertRejected(m + "a=fingerprint:sha-256 XY:00\r\n", 6, "fingerprint");
    assertRejected(m + "a=setup:maybe\r\n", 6, "setup");
    assertRejected(m + "a=mid\r\n", 6, "mid");
    assertRejected(m + "a=mid:0\r\na=mid:1\r\n", 7, "more than one a=mid");
    assertRejected(
        m + "a=mid:0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n", 8, "two media sections");
    assertRejected(m + "a=ice-ufrag:a b\r\n", 6, "ICE");
    assertRejected(m + "a=ice-pwd:\r\n", 6, "ICE");
    assertRejected(m + "a=ice-options:trickle  x\r\n", 6, "ice-options");
    assertRejected(m + "a=sctp-port:65536\r\n", 6, "sctp-port");
    assertRejected(m + "a=max-message-size:big\r\n", 6, "max-message-size");
    assertRejected(MINIMAL + "a=group:BUNDLE 0  1\r\n", 5, "group");
  }

  private static void assertRejected(String text, int line, String reasonPart) {
    SdpParseException e = Garbage.rejected(SessionDescription::parse, text);
    assertThat(e.line()).as("line of %s", Garbage.escape(text)).isEqualTo(line);
    assertThat(e.getMessage()).contains("line " + line).containsIgnoringCase(reasonPart);
  }

  // ---- garbage -----------------------------------------------------------------------------

  /**
   * Parses or rejects; when it parses, the typed accessors must all work, and writing then parsing
   * must give an equal model and the same text.
   */
  static void checkParsesCleanlyOrRejects(String text) {
    SessionDescription sd = Garbage.parseOrReject(SessionDescription::parse, text);
    if (sd == null) {
      return;
    }
    try {
      readEverything(sd);
      String written = sd.toString();
      SessionDescription again = SessionDescription.parse(written);
      assertThat(again).isEqualTo(sd);
      assertThat(again.toString()).isEqualTo(written);
    } catch (SdpParseException | RuntimeException e) {
      throw new AssertionError("accepted input failed afterwards: " + Garbage.escape(text), e);
    }
  }

  private static void readEverything(SessionDescription sd) {
    sd.groups();
    sd.iceLite();
    sd.msidSemantic();
    sd.fingerprints();
    sd.extmaps();
    for (MediaDescription m : sd.media()) {
      sd.iceUfrag(m);
      sd.icePwd(m);
      sd.iceOptions(m);
      sd.fingerprint(m);
      sd.setup(m);
      sd.direction(m);
      m.mid();
      m.fingerprints();
      m.extmaps();
      m.ssrcs();
      m.ssrcGroups();
      m.msid();
      m.candidates();
      m.rtcpFeedback();
      m.sctpPort();
      m.maxMessageSize();
      for (RtpMap r : m.rtpMaps()) {
        m.fmtpParameters(r.payloadType());
        m.rtcpFeedback(r.payloadType());
      }
    }
  }

  @ParameterizedTest
  @FieldSource("CAPTURES")
  void everyTruncationParsesOrIsRejected(String name) {
    String text = Captures.read(name);
    int accepted = 0;
    for (int length = 0; length <= text.length(); length++) {
      String prefix = text.substring(0, length);
      checkParsesCleanlyOrRejects(prefix);
      if (Garbage.parseOrReject(SessionDescription::parse, prefix) != null) {
        accepted++;
      }
    }
    // every cut after the s= line at a line end is a valid description
    assertThat(accepted).isGreaterThan(text.split("\n").length - 4);
  }

  @ParameterizedTest
  @FieldSource("CAPTURES")
  void singleCharacterCorruptionsParseOrAreRejected(String name) {
    String text = Captures.read(name);
    Random random = new Random(name.hashCode());
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      String corrupted = Garbage.corrupt(random, text);
      checkParsesCleanlyOrRejects(corrupted);
      if (Garbage.parseOrReject(SessionDescription::parse, corrupted) == null) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }

  @ParameterizedTest
  @FieldSource("CAPTURES")
  void shuffledDroppedAndDuplicatedLinesParseOrAreRejected(String name) {
    List<String> lines = Arrays.asList(Captures.read(name).split("\r\n"));
    Random random = new Random(name.hashCode() * 31L);
    for (int i = 0; i < 2000; i++) {
      List<String> mutated = new ArrayList<>(lines);
      int a = random.nextInt(mutated.size());
      int b = random.nextInt(mutated.size());
      switch (random.nextInt(4)) {
        case 0 -> mutated.remove(a);
        case 1 -> mutated.add(b, mutated.get(a));
        case 2 -> java.util.Collections.swap(mutated, a, b);
        default -> mutated.set(a, mutated.get(a) + Garbage.randomText(random, 8));
      }
      checkParsesCleanlyOrRejects(String.join(random.nextBoolean() ? "\r\n" : "\n", mutated));
    }
  }

  @Test
  void randomStringsAreRejectedWithoutOtherExceptions() {
    Random random = new Random(8866);
    for (int i = 0; i < 20_000; i++) {
      String text = Garbage.randomText(random, 200);
      checkParsesCleanlyOrRejects(text);
      checkParsesCleanlyOrRejects("v=0\r\n" + text);
    }
  }

  @Test
  void randomLinesAfterAValidHeaderParseOrAreRejected() {
    Random random = new Random(4566);
    String[] starts = {
      "a=",
      "m=",
      "c=",
      "b=",
      "t=",
      "o=",
      "s=",
      "i=",
      "k=",
      "z=",
      "x=",
      "a=rtpmap:",
      "a=fmtp:",
      "a=candidate:",
      "a=extmap:",
      "a=ssrc:",
      "a=ssrc-group:",
      "a=rtcp-fb:",
      "a=mid:",
      "a=fingerprint:",
      "a=setup:",
      "a=group:",
      "a=msid:",
      "a=ice-ufrag:",
      "m=audio ",
      "m=video 9 ",
      "a=sctp-port:",
      "a=ice-options:",
      "a=max-message-size:"
    };
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(MINIMAL);
      if (random.nextBoolean()) {
        sb.append("m=video 9 UDP/TLS/RTP/SAVPF 96\r\n");
      }
      int lines = 1 + random.nextInt(4);
      for (int l = 0; l < lines; l++) {
        sb.append(starts[random.nextInt(starts.length)])
            .append(Garbage.randomText(random, 30))
            .append(random.nextBoolean() ? "\r\n" : "\n");
      }
      checkParsesCleanlyOrRejects(sb.toString());
      if (Garbage.parseOrReject(SessionDescription::parse, sb.toString()) != null) {
        accepted++;
      }
    }
    assertThat(accepted).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\n", "\r\n\r\n", "v=0", "v=0\r\n", "v=0\no=- 0 0 IN IP4 x\ns=", "=", "v="})
  void degenerateInputsAreHandled(String text) {
    checkParsesCleanlyOrRejects(text);
  }

  @Test
  void smallestValidDescriptionParses() throws SdpParseException {
    SessionDescription sd = SessionDescription.parse("v=0\no=- 0 0 IN IP4 x\ns=");

    assertThat(sd.sessionName()).isEmpty();
    assertThat(sd.media()).isEmpty();
    assertThat(sd.toString()).isEqualTo("v=0\r\no=- 0 0 IN IP4 x\r\ns=\r\nt=0 0\r\n");
  }
}
