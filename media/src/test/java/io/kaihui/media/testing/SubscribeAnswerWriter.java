package io.kaihui.media.testing;

import io.kaihui.media.MediaKind;
import io.kaihui.media.sdp.Candidate;
import io.kaihui.media.sdp.Connection;
import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.Group;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.Msid;
import io.kaihui.media.sdp.Origin;
import io.kaihui.media.sdp.RtcpFeedback;
import io.kaihui.media.sdp.RtpMap;
import io.kaihui.media.sdp.SdpParseException;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import io.kaihui.media.sdp.SsrcAttribute;
import io.kaihui.media.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the server's subscribe offer the way Chromium does ({@code chromium-subscribe-answer.sdp}
 * in the test resources, RFC 8829 §5.3): one m-section per offered one, in order and with the
 * same mid; {@code recvonly} where the server sends, {@code inactive} where it does not; the
 * offered Opus or VP8 payload type with its feedback; {@code a=setup:active} (the browser is the
 * DTLS client); rtcp-mux; and the browser's ICE credentials, fingerprint and one UDP host
 * candidate on the first m-section. It also reads which SSRC carries which track.
 */
final class SubscribeAnswerWriter {

  /** Chromium's priority for a UDP host candidate on loopback. */
  private static final long HOST_PRIORITY = 2122260223L;

  /**
   * The answer.
   *
   * @param sdp the answer text
   * @param server the server's ICE parameters from the offer
   * @param tracks every m-section of the offer, in order
   */
  record Answer(String sdp, ServerIceParameters server, List<OfferedTrack> tracks) {}

  private SubscribeAnswerWriter() {}

  /**
   * Answers an offer.
   *
   * @param offerSdp the server's offer
   * @param pc the answering PeerConnection (credentials, fingerprint, port)
   * @param sessionId the answerer's {@code o=} session id
   * @param version the answerer's {@code o=} session version
   * @throws IllegalArgumentException if the offer does not parse or lacks what a browser needs
   */
  static Answer answer(String offerSdp, SyntheticPeerConnection pc, long sessionId, long version) {
    SessionDescription offer;
    try {
      offer = SessionDescription.parse(offerSdp);
    } catch (SdpParseException e) {
      throw new IllegalArgumentException("subscribe offer does not parse: " + e.getMessage(), e);
    }
    SessionDescription answer = new SessionDescription(
        new Origin("-", sessionId, version, "IN", "IP4", pc.localHost()));
    answer.setMsidSemantic("WMS");
    List<OfferedTrack> tracks = new ArrayList<>();
    List<String> mids = new ArrayList<>();
    for (MediaDescription m : offer.media()) {
      MediaKind kind = MediaDescription.AUDIO.equals(m.type()) ? MediaKind.AUDIO : MediaKind.VIDEO;
      RtpMap codec = codec(m, kind);
      if (m.isRejected() || codec == null) {
        MediaDescription rejected = new MediaDescription(m.type(), 0, m.proto(), m.formats());
        rejected.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
        rejected.setMid(m.mid());
        answer.media().add(rejected);
        continue;
      }
      boolean first = mids.isEmpty();
      int pt = codec.payloadType();
      MediaDescription a = new MediaDescription(m.type(), first ? pc.localPort() : 9,
          MediaDescription.PROTO_RTP, List.of(Integer.toString(pt)));
      a.setConnection(new Connection("IN", "IP4", first ? pc.localHost() : "0.0.0.0"));
      if (first) {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("generation", "0");
        ext.put("network-id", "1");
        ext.put("network-cost", "50");
        a.addCandidate(new Candidate("1", 1, "udp", HOST_PRIORITY, pc.localHost(), pc.localPort(),
            Candidate.TYPE_HOST, ext));
      }
      a.setIceUfrag(pc.localUfrag());
      a.setIcePwd(pc.localPassword());
      a.setIceOptions(List.of("trickle"));
      a.setFingerprint(new Fingerprint("sha-256", pc.fingerprint()));
      a.setSetup(Setup.ACTIVE);
      a.setMid(m.mid());
      Direction offered = offer.direction(m);
      a.setDirection(offered.sends() ? Direction.RECVONLY : Direction.INACTIVE);
      a.setRtcpMux(true);
      a.setRtcpRsize(m.rtcpRsize());
      a.addRtpMap(codec);
      for (RtcpFeedback fb : m.rtcpFeedback(pt)) {
        a.addRtcpFeedback(fb);
      }
      String fmtp = m.fmtp(pt);
      if (fmtp != null) {
        a.setFmtp(pt, fmtp);
      }
      answer.media().add(a);
      mids.add(m.mid());
      tracks.add(track(m, kind, pt, offered.sends()));
    }
    if (mids.isEmpty()) {
      throw new IllegalArgumentException("subscribe offer has no usable m-section");
    }
    answer.setGroup(new Group(Group.BUNDLE, mids));
    return new Answer(answer.toString(), ServerIceParameters.of(offer), List.copyOf(tracks));
  }

  private static RtpMap codec(MediaDescription m, MediaKind kind) {
    String want = kind == MediaKind.AUDIO ? "opus" : "VP8";
    for (RtpMap r : m.rtpMaps()) {
      if (r.encodingName().equalsIgnoreCase(want)
          && m.formats().contains(Integer.toString(r.payloadType()))) {
        return r;
      }
    }
    return null;
  }

  /** The media SSRC: the first of an FID group (RFC 5576 §4.2), else the first a=ssrc. */
  private static OfferedTrack track(MediaDescription m, MediaKind kind, int pt, boolean active) {
    long ssrc = -1;
    for (SsrcGroup g : m.ssrcGroups()) {
      if (g.semantics().equals(SsrcGroup.FID) && !g.ssrcs().isEmpty()) {
        ssrc = g.ssrcs().get(0);
      }
    }
    if (ssrc < 0) {
      for (SsrcAttribute s : m.ssrcs()) {
        ssrc = s.ssrc();
        break;
      }
    }
    Msid msid = m.msid();
    return new OfferedTrack(m.mid(), kind, active ? ssrc : -1, pt,
        active && msid != null ? msid.streamId() : null,
        active && msid != null ? msid.trackId() : null, active);
  }
}
