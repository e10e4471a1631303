package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaDescriptionTest {

  private static MediaDescription video() {
    return new MediaDescription(MediaDescription.VIDEO, 9, MediaDescription.PROTO_RTP, List.of());
  }

  @Test
  void buildsASendingVideoSectionLineByLine() {
    MediaDescription m = video();
    m.setConnection(Connection.of("0.0.0.0"));
    m.setMid("1");
    m.setDirection(Direction.SENDONLY);
    m.setMsid(new Msid("kaihui-p1", "kaihui-p1-video"));
    m.setRtcpMux(true);
    m.setRtcpRsize(true);
    m.addRtpMap(new RtpMap(96, "VP8", 90000, null));
    m.addRtcpFeedback(new RtcpFeedback(96, "nack", "pli"));
    m.addRtpMap(new RtpMap(97, "rtx", 90000, null));
    m.setFmtp(97, "apt=96");
    m.addSsrcGroup(new SsrcGroup(SsrcGroup.FID, List.of(2001L, 2002L)));
    m.addSsrc(2001, "cname", "kaihui-p1");
    m.addSsrc(2002, "cname", "kaihui-p1");

    assertThat(m.toString())
        .isEqualTo(
            """
            m=video 9 UDP/TLS/RTP/SAVPF 96 97\r
            c=IN IP4 0.0.0.0\r
            a=mid:1\r
            a=sendonly\r
            a=msid:kaihui-p1 kaihui-p1-video\r
            a=rtcp-mux\r
            a=rtcp-rsize\r
            a=rtpmap:96 VP8/90000\r
            a=rtcp-fb:96 nack pli\r
            a=rtpmap:97 rtx/90000\r
            a=fmtp:97 apt=96\r
            a=ssrc-group:FID 2001 2002\r
            a=ssrc:2001 cname:kaihui-p1\r
            a=ssrc:2002 cname:kaihui-p1\r
            """);
    assertThat(m.ssrcs()).extracting(SsrcAttribute::ssrc).containsExactly(2001L, 2002L);
    assertThat(m.ssrcGroups().get(0).ssrcs()).containsExactly(2001L, 2002L);
    assertThat(m.msid().trackId()).isEqualTo("kaihui-p1-video");
  }

  @Test
  void addRtpMapAddsTheFormatOnce() {
    MediaDescription m = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("111"));
    m.addRtpMap(new RtpMap(111, "opus", 48000, 2));
    m.addRtpMap(new RtpMap(0, "PCMU", 8000, null));

    assertThat(m.formats()).containsExactly("111", "0");
    assertThat(m.rtpMaps()).extracting(RtpMap::payloadType).containsExactly(111, 0);
    assertThat(m.rtpMap(5)).isNull();
  }

  @Test
  void fmtpIsReplacedPerPayloadTypeAndReadAsRawOrPairs() {
    MediaDescription m = video();
    m.setFmtp(96, "a=1");
    m.setFmtp(97, "apt=96");
    m.setFmtp(9, "x=y");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("level-asymmetry-allowed", "1");
    params.put("packetization-mode", "1");
    m.setFmtp(96, params);

    assertThat(m.attributes().values("fmtp"))
        .containsExactly("96 level-asymmetry-allowed=1;packetization-mode=1", "97 apt=96", "9 x=y");
    assertThat(m.fmtp(9)).isEqualTo("x=y");
    assertThat(m.fmtp(98)).isNull();
    assertThat(m.fmtpParameters(98)).isEmpty();
    m.setFmtp(99, " a = 1 ;; flag ;b=c=d");
    assertThat(m.fmtpParameters(99))
        .containsExactly(Map.entry("a", "1"), Map.entry("flag", ""), Map.entry("b", "c=d"));
    assertThatThrownBy(() -> m.setFmtp(128, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rtcpFeedbackForAPayloadTypeIncludesTheWildcard() {
    MediaDescription m = video();
    m.addRtcpFeedback(new RtcpFeedback(RtcpFeedback.ALL_PAYLOAD_TYPES, "transport-cc", null));
    m.addRtcpFeedback(new RtcpFeedback(96, "nack", null));
    m.addRtcpFeedback(new RtcpFeedback(98, "nack", "pli"));

    assertThat(m.rtcpFeedback(96))
        .containsExactly(
            new RtcpFeedback(-1, "transport-cc", null), new RtcpFeedback(96, "nack", null));
    assertThat(m.rtcpFeedback()).hasSize(3);
    assertThat(m.attributes().values("rtcp-fb"))
        .containsExactly("* transport-cc", "96 nack", "98 nack pli");
  }

  @Test
  void setDirectionKeepsThePositionAndDropsDuplicates() throws SdpParseException {
    MediaDescription m = video();
    m.attributes().add(Attribute.parse("mid:0"));
    m.attributes().add(Attribute.parse("sendrecv"));
    m.attributes().add(Attribute.parse("rtcp-mux"));
    m.attributes().add(Attribute.parse("inactive"));

    assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
    m.setDirection(Direction.RECVONLY);

    assertThat(m.attributes())
        .extracting(Attribute::name)
        .containsExactly("mid", "recvonly", "rtcp-mux");
    assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
  }

  @Test
  void candidatesAndEndOfCandidates() throws SdpParseException {
    MediaDescription m = video();
    Candidate c = Candidate.parse("1 1 udp 2130706431 127.0.0.1 10000 typ host");
    m.addCandidate(c);
    m.setEndOfCandidates(true);
    m.setEndOfCandidates(true);

    assertThat(m.candidates()).containsExactly(c);
    assertThat(m.attributes().values("candidate"))
        .containsExactly("1 1 udp 2130706431 127.0.0.1 10000 typ host");
    assertThat(m.endOfCandidates()).isTrue();
    assertThat(m.attributes().values("end-of-candidates")).hasSize(1);
    m.setEndOfCandidates(false);
    assertThat(m.endOfCandidates()).isFalse();
  }

  @Test
  void portsAndRejection() {
    MediaDescription m = video();
    assertThat(m.isRejected()).isFalse();
    m.setPort(0);
    assertThat(m.isRejected()).isTrue();
    m.setPortCount(2);
    assertThat(m.toString()).startsWith("m=video 0/2 UDP/TLS/RTP/SAVPF\r\n");
    assertThatThrownBy(() -> m.setPort(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.setPortCount(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaDescription("audio", 9, "RTP//AVP", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaDescription("audio", 9, "RTP/AVP", List.of("0 8")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.setMid("a b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataChannelAttributes() {
    MediaDescription m =
        new MediaDescription(
            MediaDescription.APPLICATION,
            9,
            MediaDescription.PROTO_SCTP,
            List.of("webrtc-datachannel"));
    assertThat(m.sctpPort()).isNull();
    m.attributes().put("sctp-port", "5000");
    m.attributes().put("max-message-size", "262144");

    assertThat(m.sctpPort()).isEqualTo(5000);
    assertThat(m.maxMessageSize()).isEqualTo(262144L);
    assertThat(m.toString()).startsWith("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n");
  }

  @Test
  void equalityFollowsTheWrittenText() {
    MediaDescription a = video();
    MediaDescription b = video();
    a.setMid("0");
    b.setMid("0");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    b.setRtcpMux(true);
    assertThat(a).isNotEqualTo(b);
    a.setRtcpMux(true);
    a.setConnection(Connection.of("0.0.0.0"));
    assertThat(a).isNotEqualTo(b);
    assertThat(a)
        .isNotEqualTo(new MediaDescription("audio", 9, MediaDescription.PROTO_RTP, List.of()));
  }

  @Test
  void handAddedMalformedAttributesFailOnlyTheirReader() {
    MediaDescription m = video();
    m.attributes().add("ssrc", "nonsense");
    m.attributes().add("mid", "0");

    assertThatThrownBy(m::ssrcs)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a=ssrc");
    assertThat(m.mid()).isEqualTo("0");
  }
}
