package io.kaihui.media;

import io.kaihui.media.sdp.Candidate;
import io.kaihui.media.sdp.Connection;
import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.RtcpFeedback;
import io.kaihui.media.sdp.RtpMap;
import io.kaihui.media.sdp.Setup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/** The pieces of SDP our side writes, shared by the publish answer and the subscribe offer. */
final class SdpWriting {

  private SdpWriting() {}

  /**
   * A fresh m-section with our ICE credentials, fingerprint, DTLS role, rtcp-mux and (on the
   * first section of the BUNDLE group only, RFC 8843 §7.1.2) our host candidates.
   */
  static MediaDescription transportSection(String type, String mid, LocalIceParameters local,
      Setup setup, boolean withCandidates) {
    MediaDescription m = new MediaDescription(type, 9, MediaDescription.PROTO_RTP, List.of());
    m.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
    m.setMid(mid);
    m.setIceUfrag(local.ufrag());
    m.setIcePwd(local.password());
    m.setFingerprint(new Fingerprint("sha-256", local.fingerprint()));
    m.setSetup(setup);
    m.setRtcpMux(true);
    if (withCandidates) {
      addCandidates(m, local);
    }
    return m;
  }

  /**
   * Host candidates (RFC 8445 §5.1.2.1 priority: type preference 126, local preference falling
   * with each address so the browser prefers the first).
   */
  static void addCandidates(MediaDescription m, LocalIceParameters local) {
    int index = 0;
    for (InetAddress address : local.addresses()) {
      long priority = (126L << 24) | ((long) (65535 - index) << 8) | 255;
      String host = address instanceof Inet4Address
          ? address.getHostAddress() : address.getHostAddress().replaceAll("%.*$", "");
      m.addCandidate(Candidate.host(Integer.toString(index + 1), "udp", priority, host,
          local.port()));
      index++;
    }
    m.setEndOfCandidates(true);
  }

  /** Opus (RFC 7587 §7) or VP8 (RFC 7741 §6) with the feedback we act on (PLI, FIR). */
  static void addCodec(MediaDescription m, MediaKind kind, int payloadType) {
    if (kind == MediaKind.AUDIO) {
      m.addRtpMap(new RtpMap(payloadType, "opus", 48000, 2));
      m.setFmtp(payloadType, "minptime=10;useinbandfec=1");
    } else {
      m.addRtpMap(new RtpMap(payloadType, "VP8", 90000, null));
      m.addRtcpFeedback(new RtcpFeedback(payloadType, "nack", "pli"));
      m.addRtcpFeedback(new RtcpFeedback(payloadType, "ccm", "fir"));
    }
  }

  /** The answer to an m-section we do not take: port 0, same formats, only the mid. */
  static MediaDescription rejected(MediaDescription offered) {
    MediaDescription m = new MediaDescription(offered.type(), 0, offered.proto(),
        offered.formats());
    m.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
    if (offered.mid() != null) {
      m.setMid(offered.mid());
    }
    m.setDirection(Direction.INACTIVE);
    return m;
  }
}
