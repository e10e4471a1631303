package io.kaihui.media;

import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.Group;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.Msid;
import io.kaihui.media.sdp.Origin;
import io.kaihui.media.sdp.SdpParseException;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import java.util.ArrayList;
import java.util.List;

/**
 * The server-offered side of a subscribe PeerConnection (RFC 8829 §5.2, offerer): one sendonly
 * m-section per {@link Consumer}, in the order they were added; a closed consumer's m-section
 * becomes inactive and keeps its place (RFC 8829 §5.2.2: m-sections are never removed). One
 * offer is outstanding at a time; changes made while waiting for the answer go into the next.
 *
 * <p>Payload types are fixed: Opus 111, VP8 96; consumers rewrite to them.
 */
public final class SubscribeNegotiator {

  /** The payload type of Opus in subscribe offers. */
  public static final int OPUS_PAYLOAD_TYPE = 111;

  /** The payload type of VP8 in subscribe offers. */
  public static final int VP8_PAYLOAD_TYPE = 96;

  /**
   * An offer to send.
   *
   * @param version increases by one per offer, from 1
   * @param sdp the offer text
   */
  public record Offer(long version, String sdp) {}

  /** What the answer told us. */
  record AnswerInfo(Fingerprint remoteFingerprint) {}

  private final WebRtcTransport transport;
  private final long sessionId;
  private final List<Slot> slots = new ArrayList<>();
  private int nextMid;
  private long version;
  private boolean awaitingAnswer;
  private boolean changed;

  SubscribeNegotiator(WebRtcTransport transport) {
    this.transport = transport;
    this.sessionId = transport.engine().random().nextLong() & Long.MAX_VALUE;
  }

  String nextMid() {
    return Integer.toString(nextMid++);
  }

  void add(Consumer consumer, String streamId) {
    slots.add(new Slot(consumer, streamId));
    changed = true;
  }

  void deactivate(Consumer consumer) {
    for (Slot s : slots) {
      if (s.consumer == consumer && s.active) {
        s.active = false;
        changed = true;
      }
    }
  }

  /** The next offer, or null when nothing changed, nothing to offer, or an answer is due. */
  Offer nextOffer(LocalIceParameters local) {
    if (awaitingAnswer || !changed || slots.isEmpty()) {
      return null;
    }
    version++;
    SessionDescription sdp = new SessionDescription(Origin.anonymous(sessionId, version));
    sdp.setIceLite(true);
    sdp.setMsidSemantic("WMS");
    List<String> mids = new ArrayList<>();
    for (Slot s : slots) {
      Consumer c = s.consumer;
      MediaKind kind = c.producer().kind();
      MediaDescription m = SdpWriting.transportSection(kind.sdpName(), c.mid(), local,
          Setup.ACTPASS, mids.isEmpty());
      SdpWriting.addCodec(m, kind, c.payloadType());
      m.setRtcpRsize(true);
      if (s.active) {
        m.setDirection(Direction.SENDONLY);
        m.setMsid(new Msid(s.streamId, c.producer().id()));
        m.addSsrc(c.ssrc(), "cname", transport.cname() + "-" + s.streamId);
        m.addSsrc(c.ssrc(), "msid", s.streamId + " " + c.producer().id());
      } else {
        m.setDirection(Direction.INACTIVE);
      }
      sdp.media().add(m);
      mids.add(c.mid());
    }
    sdp.setGroup(new Group("BUNDLE", mids));
    awaitingAnswer = true;
    changed = false;
    return new Offer(version, sdp.toString());
  }

  /**
   * Checks the browser's answer without applying it; {@link #answerApplied()} applies it. An
   * answer that is refused changes nothing, so the offer still waits for a good one (as a
   * failed {@code setRemoteDescription} leaves a browser's state alone).
   *
   * @throws SdpNegotiationException if no offer is outstanding, the version differs, or the
   *     answer is malformed, lacks a fingerprint, or takes a DTLS role other than active
   */
  AnswerInfo checkAnswer(long answeredVersion, String answerSdp) throws SdpNegotiationException {
    if (!awaitingAnswer || answeredVersion != version) {
      throw new SdpNegotiationException("no subscribe offer version " + answeredVersion
          + " is waiting for an answer (current " + version + ")");
    }
    SessionDescription answer;
    try {
      answer = SessionDescription.parse(answerSdp);
    } catch (SdpParseException e) {
      throw new SdpNegotiationException("malformed answer: " + e.getMessage(), e);
    }
    if (answer.media().isEmpty()) {
      throw new SdpNegotiationException("the answer has no m-section");
    }
    MediaDescription first = answer.media().get(0);
    Fingerprint fp = answer.fingerprint(first);
    if (fp == null) {
      throw new SdpNegotiationException("the answer has no DTLS fingerprint");
    }
    Setup setup = answer.setup(first);
    if (setup != null && setup != Setup.ACTIVE) {
      throw new SdpNegotiationException("the browser must be the DTLS client (setup:active),"
          + " not " + setup);
    }
    return new AnswerInfo(fp);
  }

  /** The answer {@link #checkAnswer checked} last was applied: the next offer may be made. */
  void answerApplied() {
    awaitingAnswer = false;
  }

  /** One m-section of the offer. */
  private static final class Slot {
    final Consumer consumer;
    final String streamId;
    boolean active = true;

    Slot(Consumer consumer, String streamId) {
      this.consumer = consumer;
      this.streamId = streamId;
    }
  }
}
