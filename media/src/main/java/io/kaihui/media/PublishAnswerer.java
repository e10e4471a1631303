package io.kaihui.media;

import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.ExtMap;
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
import java.util.List;

/**
 * Answers a browser's offer for its publish PeerConnection (RFC 8829 §5.3, answerer): for every
 * audio m-section, Opus (RFC 7587); for every video m-section, VP8 (RFC 7741); everything else
 * (other codecs, data channels) rejected with port 0. One BUNDLE group, ICE-lite, and we are the
 * DTLS server ({@code a=setup:passive}, RFC 5763 §5).
 *
 * <p>Transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01) is
 * accepted where offered: the header extension with the offer's id in every accepted m-section
 * that offers it (RFC 8829 §5.3.1, RFC 8285 §6), and {@code a=rtcp-fb:<pt> transport-cc} for the
 * chosen codec when the offer lists it. All m-sections share one transport and one RTP session
 * (BUNDLE, RFC 8843), where an extension has one id (RFC 8859 puts {@code a=extmap} in its
 * SPECIAL mux category for that): the first accepted m-section's id serves them all, and an
 * m-section that offers another id for it does not get it. Chromium estimates its send bitrate from this feedback
 * (send-side bandwidth estimation) only when both the extension and the feedback are
 * negotiated. No other header extension is accepted.
 */
final class PublishAnswerer {

  /**
   * A track the offer publishes and the answer accepts.
   *
   * @param kind audio or video
   * @param mid its m-section's mid
   * @param ssrc its media SSRC (from {@code a=ssrc}, the first of an FID group)
   * @param payloadType the accepted payload type
   * @param clockRate the RTP clock rate in Hz
   * @param trackId the MediaStreamTrack id from {@code a=msid}, or the mid
   */
  record Track(MediaKind kind, String mid, long ssrc, int payloadType, int clockRate,
      String trackId) {}

  /**
   * The answer.
   *
   * @param sdp the answer text
   * @param tracks the tracks to receive
   * @param remoteFingerprint the browser's DTLS certificate fingerprint
   * @param transportCcExtensionId the id the answer accepts for the transport-wide sequence
   *     number extension, 1..255, or 0 when the offer has none
   */
  record Answer(String sdp, List<Track> tracks, Fingerprint remoteFingerprint,
      int transportCcExtensionId) {}

  /** The URI of the transport-wide sequence number header extension (§2 of the draft). */
  static final String TRANSPORT_CC_URI =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  /** The {@code a=rtcp-fb} type of transport-cc feedback. */
  static final String TRANSPORT_CC_FEEDBACK = "transport-cc";

  private PublishAnswerer() {}

  static Answer answer(String offerSdp, LocalIceParameters local) throws SdpNegotiationException {
    SessionDescription offer;
    try {
      offer = SessionDescription.parse(offerSdp);
    } catch (SdpParseException e) {
      throw new SdpNegotiationException("malformed offer: " + e.getMessage(), e);
    }
    Group bundle = offer.group("BUNDLE");
    if (bundle == null || bundle.mids().isEmpty()) {
      throw new SdpNegotiationException("the offer must BUNDLE its m-sections (RFC 8843)");
    }
    if (offer.media().isEmpty()) {
      throw new SdpNegotiationException("the offer has no m-section");
    }
    SessionDescription answer = new SessionDescription(
        Origin.anonymous(Math.abs(offer.origin().sessionId() ^ 0x4b41495855494cL), 1));
    answer.setIceLite(true);
    answer.setMsidSemantic("WMS");
    List<Track> tracks = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    Fingerprint fingerprint = null;
    int transportCcId = 0;
    for (MediaDescription m : offer.media()) {
      String mid = m.mid();
      if (mid == null) {
        throw new SdpNegotiationException("every m-section needs a=mid (RFC 8843 §7.2)");
      }
      Fingerprint fp = offer.fingerprint(m);
      Setup setup = offer.setup(m);
      RtpMap codec = chooseCodec(m);
      boolean bundled = bundle.mids().contains(mid);
      if (codec == null || !bundled || m.isRejected()
          || !MediaDescription.PROTO_RTP.equals(m.proto())) {
        answer.media().add(SdpWriting.rejected(m));
        continue;
      }
      if (offer.iceUfrag(m) == null || offer.icePwd(m) == null) {
        throw new SdpNegotiationException("m-section " + mid + " has no ICE ufrag/pwd");
      }
      if (fp == null) {
        throw new SdpNegotiationException("m-section " + mid + " has no DTLS fingerprint");
      }
      if (setup == Setup.PASSIVE || setup == Setup.HOLDCONN) {
        throw new SdpNegotiationException("the server is the DTLS server: offer setup "
            + "actpass or active, not " + setup);
      }
      fingerprint = fingerprint == null ? fp : fingerprint;
      MediaKind kind = MediaDescription.AUDIO.equals(m.type()) ? MediaKind.AUDIO : MediaKind.VIDEO;
      Direction offered = offer.direction(m);
      boolean sending = offered == Direction.SENDONLY || offered == Direction.SENDRECV;
      MediaDescription a = SdpWriting.transportSection(m.type(), mid, local, Setup.PASSIVE,
          accepted.isEmpty());
      SdpWriting.addCodec(a, kind, codec.payloadType());
      ExtMap transportCc = offeredTransportCc(offer, m);
      if (transportCc != null && (transportCcId == 0 || transportCcId == transportCc.id())) {
        transportCcId = transportCc.id();
        a.addExtMap(new ExtMap(transportCc.id(), answerDirection(transportCc.direction()),
            TRANSPORT_CC_URI, null));
        if (offersFeedback(m, codec.payloadType(), TRANSPORT_CC_FEEDBACK)) {
          a.addRtcpFeedback(new RtcpFeedback(codec.payloadType(), TRANSPORT_CC_FEEDBACK, null));
        }
      }
      a.setDirection(sending ? Direction.RECVONLY : Direction.INACTIVE);
      if (m.rtcpRsize()) {
        a.setRtcpRsize(true);
      }
      answer.media().add(a);
      accepted.add(mid);
      long ssrc = mediaSsrc(m);
      if (sending && ssrc >= 0) {
        Msid msid = m.msid();
        String trackId = msid != null && msid.trackId() != null ? msid.trackId() : mid;
        tracks.add(new Track(kind, mid, ssrc, codec.payloadType(), codec.clockRate(), trackId));
      }
    }
    if (accepted.isEmpty()) {
      throw new SdpNegotiationException("the offer has no Opus audio or VP8 video m-section");
    }
    answer.setGroup(new Group("BUNDLE", accepted));
    return new Answer(answer.toString(), tracks, fingerprint, transportCcId);
  }

  /**
   * The transport-wide sequence number extension the m-section offers (or the session level,
   * RFC 8285 §5), if it offers it in a direction in which the browser sends: null otherwise.
   */
  private static ExtMap offeredTransportCc(SessionDescription offer, MediaDescription m) {
    List<ExtMap> maps = m.extmaps();
    if (maps.isEmpty()) {
      maps = offer.extmaps();
    }
    for (ExtMap e : maps) {
      if (e.uri().equals(TRANSPORT_CC_URI) && (e.direction() == null
          || e.direction() == Direction.SENDONLY || e.direction() == Direction.SENDRECV)) {
        return e;
      }
    }
    return null;
  }

  /** RFC 8285 §6: an offered sendonly extension is answered recvonly; no direction stays none. */
  private static Direction answerDirection(Direction offered) {
    return offered == Direction.SENDONLY ? Direction.RECVONLY : offered;
  }

  /** Whether the m-section offers the feedback type for the payload type (or for all, *). */
  private static boolean offersFeedback(MediaDescription m, int payloadType, String type) {
    for (RtcpFeedback fb : m.rtcpFeedback(payloadType)) {
      if (fb.type().equals(type) && fb.parameter() == null) {
        return true;
      }
    }
    return false;
  }

  /** Opus 48000/2 for audio, VP8 90000 for video; null when the offer has neither. */
  private static RtpMap chooseCodec(MediaDescription m) {
    String want;
    int clock;
    if (MediaDescription.AUDIO.equals(m.type())) {
      want = "opus";
      clock = 48000;
    } else if (MediaDescription.VIDEO.equals(m.type())) {
      want = "VP8";
      clock = 90000;
    } else {
      return null;
    }
    for (RtpMap r : m.rtpMaps()) {
      if (r.encodingName().equalsIgnoreCase(want) && r.clockRate() == clock
          && m.formats().contains(Integer.toString(r.payloadType()))) {
        return r;
      }
    }
    return null;
  }

  /**
   * The SSRC the track's media arrives on (RFC 5576): the first of an FID group (the second is
   * its RTX, which we do not negotiate), else the first {@code a=ssrc}; -1 when there is none.
   */
  private static long mediaSsrc(MediaDescription m) {
    for (SsrcGroup g : m.ssrcGroups()) {
      if (g.semantics().equals("FID") && !g.ssrcs().isEmpty()) {
        return g.ssrcs().get(0);
      }
    }
    for (SsrcAttribute s : m.ssrcs()) {
      return s.ssrc();
    }
    return -1;
  }
}
