package io.kaihui.media;

import io.kaihui.media.dtls.DtlsServerTransport;
import io.kaihui.media.rtcp.FullIntraRequest;
import io.kaihui.media.rtcp.PictureLossIndication;
import io.kaihui.media.rtcp.ReceiverReport;
import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtcp.RtcpPacket;
import io.kaihui.media.rtcp.RtcpParseException;
import io.kaihui.media.rtcp.RtcpParser;
import io.kaihui.media.rtcp.RtcpWriter;
import io.kaihui.media.rtcp.SdesChunk;
import io.kaihui.media.rtcp.SenderReport;
import io.kaihui.media.rtcp.SourceDescription;
import io.kaihui.media.rtcp.NtpTime;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpSession;
import io.netty.util.collection.LongObjectHashMap;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser PeerConnection: an ICE-lite endpoint (RFC 8445 §2.5) with its own ufrag and
 * password, a DTLS 1.2 server (RFC 5764) and the SRTP session keyed by it (RFC 3711, RFC 7714).
 * A transport either publishes (its {@link Producer}s) or subscribes (its {@link Consumer}s);
 * the SDP for each role is made by {@link #answerPublishOffer} and {@link #subscribeOffer}.
 *
 * <p>A publishing transport whose browser offered transport-wide congestion control
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01) notes the arrival of every packet's
 * transport-wide sequence number and sends transport-cc feedback back on the engine's feedback
 * tick ({@link TransportCcFeedbackGenerator}), so the browser's bandwidth estimate follows the
 * path from the first seconds on.
 *
 * <p>It closes itself when no valid STUN request arrived for the consent timeout (RFC 7675 §5.1),
 * when DTLS fails or the browser sends close_notify; the {@link Listener} is told. The consent
 * timeout and the DTLS handshake deadline run from the first SDP the browser can have — our
 * publish answer or our first subscribe offer — since it cannot start ICE before: a subscribe
 * transport that has nothing to offer yet (someone alone in a meeting) waits as long as needed.
 *
 * <p>Loop-confined: every method runs on the engine's event loop.
 */
public final class WebRtcTransport {

  /** Events of a transport, delivered on the engine's loop. */
  public interface Listener {
    /** ICE and DTLS are up: media can flow. */
    void onTransportConnected(WebRtcTransport transport);

    /**
     * The transport closed and will never carry media again.
     *
     * @param reason a short English reason, such as {@code ice consent expired}
     */
    void onTransportClosed(WebRtcTransport transport, String reason);
  }

  private static final String ICE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final MediaEngine engine;
  private final Router router;
  private final String id;
  private final Listener listener;
  private final String localUfrag;
  private final String localPassword;
  private final byte[] localPasswordBytes;
  private final long rtcpSsrc;
  private final String cname;
  private final long createdNanos;
  private final DtlsServerTransport dtls;
  private final List<Producer> producers = new ArrayList<>();
  private final LongObjectHashMap<Producer> producersBySsrc = new LongObjectHashMap<>();
  private final List<Consumer> consumers = new ArrayList<>();
  private final LongObjectHashMap<Consumer> consumersBySsrc = new LongObjectHashMap<>();
  private final SubscribeNegotiator subscribe;
  /** Transport-cc feedback for what the browser publishes; null until negotiated. */
  private TransportCcFeedbackGenerator transportCc;
  /** The negotiated id of the transport-wide sequence number extension, 0 when none. */
  private int transportCcExtensionId;

  // Read by the DTLS handshake thread to send its flights.
  private volatile InetSocketAddress remoteAddress;
  private boolean nominated;
  private long lastConsentNanos;
  private SrtpSession srtp;
  private boolean negotiated;
  private boolean connected;
  private boolean closed;

  WebRtcTransport(MediaEngine engine, Router router, String id, Listener listener) {
    this.engine = engine;
    this.router = router;
    this.id = id;
    this.listener = listener;
    this.localUfrag = randomIceString(8);
    this.localPassword = randomIceString(24);
    this.localPasswordBytes = localPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.rtcpSsrc = engine.random().nextInt() & 0xFFFFFFFFL;
    this.cname = engine.randomId("c");
    this.createdNanos = System.nanoTime();
    this.lastConsentNanos = createdNanos;
    this.dtls = new DtlsServerTransport(engine.certificate(), new DtlsEvents(),
        engine.dtlsExecutor());
    this.subscribe = new SubscribeNegotiator(this);
  }

  /** This transport's id, unique in the engine. */
  public String id() {
    return id;
  }

  /** The router (meeting) it belongs to. */
  public Router router() {
    return router;
  }

  /** Whether ICE and DTLS are up. */
  public boolean isConnected() {
    return connected && !closed;
  }

  /** Whether it has closed. */
  public boolean isClosed() {
    return closed;
  }

  /** The browser's address of the selected candidate pair, or null before ICE. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** The producers of this (publishing) transport (a copy). */
  public List<Producer> producers() {
    return List.copyOf(producers);
  }

  /**
   * The id negotiated for the transport-wide sequence number header extension (RFC 8285) in the
   * last publish answer.
   *
   * @return 1..255, or 0 when the browser did not offer transport-wide congestion control
   */
  public int transportCcExtensionId() {
    return transportCcExtensionId;
  }

  /** The consumers of this (subscribing) transport (a copy). */
  public List<Consumer> consumers() {
    return List.copyOf(consumers);
  }

  /**
   * Answers the browser's offer for its publish PeerConnection (it sends, we receive): accepts
   * one Opus audio and one VP8 video m-section per track, rejects the rest, creates a
   * {@link Producer} for every newly offered track and closes those no longer offered.
   *
   * @param offerSdp the browser's offer
   * @return the answer and the producers that appeared or went away
   * @throws SdpNegotiationException if the offer is malformed or unusable (no ICE credentials,
   *     no DTLS fingerprint, no BUNDLE)
   */
  public PublishResult answerPublishOffer(String offerSdp) throws SdpNegotiationException {
    PublishAnswerer.Answer answer = PublishAnswerer.answer(offerSdp, localIce());
    setRemoteFingerprint(answer.remoteFingerprint());
    transportCcExtensionId = answer.transportCcExtensionId();
    if (transportCcExtensionId != 0 && transportCc == null) {
      transportCc = new TransportCcFeedbackGenerator(rtcpSsrc);
    }
    List<Producer> added = new ArrayList<>();
    List<Producer> removed = new ArrayList<>();
    List<Long> offered = new ArrayList<>();
    for (PublishAnswerer.Track track : answer.tracks()) {
      offered.add(track.ssrc());
      if (producersBySsrc.containsKey(track.ssrc())) {
        continue;
      }
      Producer p = new Producer(engine.randomId("p"), this, track.kind(), track.ssrc(),
          track.payloadType(), track.clockRate(), track.mid(), track.trackId());
      producers.add(p);
      producersBySsrc.put(track.ssrc(), p);
      added.add(p);
    }
    for (Producer p : List.copyOf(producers)) {
      if (!offered.contains(p.ssrc())) {
        removeProducer(p);
        removed.add(p);
      }
    }
    onNegotiated();
    return new PublishResult(answer.sdp(), added, removed);
  }

  /**
   * The next subscribe offer, if the consumers changed since the last one and no offer is
   * waiting for its answer.
   *
   * @return the SDP offer and its version, or null when there is nothing to offer now
   */
  public SubscribeNegotiator.Offer subscribeOffer() {
    SubscribeNegotiator.Offer offer = subscribe.nextOffer(localIce());
    if (offer != null) {
      onNegotiated();
    }
    return offer;
  }

  /**
   * Applies the browser's answer to a subscribe offer.
   *
   * @param version the version of the offer it answers
   * @param answerSdp the browser's answer
   * @throws SdpNegotiationException if it is malformed, answers another version, or rejects
   *     the DTLS role or fingerprint
   */
  public void applySubscribeAnswer(long version, String answerSdp)
      throws SdpNegotiationException {
    SubscribeNegotiator.AnswerInfo info = subscribe.checkAnswer(version, answerSdp);
    setRemoteFingerprint(info.remoteFingerprint());
    subscribe.answerApplied();
  }

  /**
   * Stops a consumer: its m-section becomes inactive in the next subscribe offer.
   *
   * @param consumer a consumer of this transport
   */
  public void closeConsumer(Consumer consumer) {
    consumer.close();
  }

  /**
   * Closes the transport, its producers (and so their consumers elsewhere) and its consumers.
   *
   * @param reason why, for the listener and logs
   */
  public void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    for (Producer p : List.copyOf(producers)) {
      removeProducer(p);
    }
    for (Consumer c : List.copyOf(consumers)) {
      c.close();
    }
    dtls.close();
    engine.unregister(this);
    router.removeTransport(this);
    listener.onTransportClosed(this, reason);
  }

  // ---- package-private: the engine, router, producers and consumers call these ----

  MediaEngine engine() {
    return engine;
  }

  String localUfrag() {
    return localUfrag;
  }

  byte[] localPasswordBytes() {
    return localPasswordBytes;
  }

  String cname() {
    return cname;
  }

  LocalIceParameters localIce() {
    return new LocalIceParameters(localUfrag, localPassword, engine.fingerprint(),
        engine.announcedAddresses(), engine.port());
  }

  /**
   * Gives the DTLS server the fingerprint the browser's certificate must have (RFC 8122 §5).
   *
   * @throws SdpNegotiationException if the hash function is unsupported or the value does not
   *     fit it: the SDP is unusable
   */
  private void setRemoteFingerprint(Fingerprint fingerprint) throws SdpNegotiationException {
    try {
      dtls.setRemoteFingerprint(fingerprint.algorithm(), fingerprint.value());
    } catch (IllegalArgumentException e) {
      throw new SdpNegotiationException("unusable DTLS fingerprint: " + e.getMessage(), e);
    }
  }

  /**
   * The browser can have our SDP from now on, so it may start ICE and DTLS: the consent clock
   * and the DTLS server (with its handshake deadline) start now, once.
   */
  private void onNegotiated() {
    if (!negotiated) {
      negotiated = true;
      lastConsentNanos = System.nanoTime();
      dtls.start();
    }
  }

  Consumer addConsumer(Producer producer, String streamId) {
    long ssrc;
    do {
      ssrc = engine.random().nextInt() & 0xFFFFFFFFL;
    } while (ssrc == 0 || consumersBySsrc.containsKey(ssrc));
    String mid = subscribe.nextMid();
    int payloadType = producer.kind() == MediaKind.AUDIO
        ? SubscribeNegotiator.OPUS_PAYLOAD_TYPE : SubscribeNegotiator.VP8_PAYLOAD_TYPE;
    Consumer c = new Consumer(engine.randomId("c"), producer, this, ssrc, mid, payloadType,
        engine.random().nextInt(0x10000), engine.random().nextInt() & 0xFFFFFFFFL);
    consumers.add(c);
    consumersBySsrc.put(ssrc, c);
    subscribe.add(c, streamId);
    return c;
  }

  void onConsumerClosed(Consumer c) {
    consumers.remove(c);
    consumersBySsrc.remove(c.ssrc());
    subscribe.deactivate(c);
  }

  void forgetAddress(InetSocketAddress address) {
    if (address.equals(remoteAddress)) {
      remoteAddress = null;
    }
  }

  /** A STUN Binding Request with valid credentials came from {@code from}. */
  void onValidBindingRequest(InetSocketAddress from, boolean useCandidate, long nowNanos) {
    lastConsentNanos = nowNanos;
    // RFC 8445 §7.3.1.5: a lite agent uses the pair the controlling agent nominated.
    if (remoteAddress == null || (useCandidate && (!nominated || !from.equals(remoteAddress)))) {
      remoteAddress = from;
      nominated |= useCandidate;
    }
  }

  void onDtls(byte[] buf, int off, int len) {
    if (!closed) {
      dtls.receive(buf, off, len);
    }
  }

  void onSrtp(byte[] buf, int len) {
    if (srtp == null) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    int n = srtp.unprotectRtp(buf, 0, len);
    if (n < 0) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    if (!RtpPacket.isRtp(buf, 0, n)) {
      engine.counters().increment(MediaCounter.RTP_DROPPED);
      return;
    }
    long now = System.nanoTime();
    if (transportCc != null) {
      // Every packet the browser sent counts for its bandwidth estimate, also those no producer
      // takes (such as padding for probing on an SSRC we do not know).
      int transportSeq = RtpPacket.transportSequenceNumber(buf, 0, n, transportCcExtensionId);
      if (transportSeq >= 0 && transportCc.onPacket(transportSeq, RtpPacket.ssrc(buf, 0), now)) {
        sendTransportCcFeedback();
      }
    }
    Producer p = producersBySsrc.get(RtpPacket.ssrc(buf, 0));
    if (p == null || RtpPacket.payloadType(buf, 0) != p.payloadType()) {
      engine.counters().increment(MediaCounter.RTP_DROPPED);
      return;
    }
    engine.counters().increment(MediaCounter.RTP_RECEIVED);
    p.onRtp(buf, 0, n, now);
  }

  void onSrtcp(byte[] buf, int len) {
    if (srtp == null) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    int n = srtp.unprotectRtcp(buf, 0, len);
    if (n < 0) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    List<RtcpPacket> packets;
    try {
      packets = RtcpParser.parseCompound(buf, 0, n);
    } catch (RtcpParseException e) {
      engine.counters().increment(MediaCounter.RTCP_MALFORMED);
      return;
    }
    engine.counters().increment(MediaCounter.RTCP_RECEIVED);
    long now = System.nanoTime();
    for (RtcpPacket packet : packets) {
      onRtcpPacket(packet, now);
    }
  }

  private void onRtcpPacket(RtcpPacket packet, long now) {
    switch (packet) {
      case SenderReport sr -> {
        Producer p = producersBySsrc.get(sr.ssrc());
        if (p != null) {
          p.onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), now);
        }
      }
      case PictureLossIndication pli -> {
        Consumer c = consumersBySsrc.get(pli.mediaSsrc());
        if (c != null) {
          c.onKeyframeRequest(now);
        }
      }
      case FullIntraRequest fir -> {
        for (var entry : fir.entries()) {
          Consumer c = consumersBySsrc.get(entry.ssrc());
          if (c != null) {
            c.onKeyframeRequest(now);
          }
        }
      }
      default -> {
        // Receiver reports, SDES, BYE, NACK and REMB are read by later features.
      }
    }
  }

  /** Encrypts (in place) and sends one RTP packet; {@code buf} has SRTP headroom after len. */
  void sendRtp(byte[] buf, int len) {
    if (!isConnected() || remoteAddress == null) {
      return;
    }
    int n = srtp.protectRtp(buf, 0, len);
    if (n < 0) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    engine.counters().increment(MediaCounter.RTP_FORWARDED);
    engine.send(buf, 0, n, remoteAddress);
  }

  /** Sends one compound RTCP packet. */
  private void sendRtcp(RtcpPacket... packets) {
    if (!isConnected() || remoteAddress == null) {
      return;
    }
    byte[] buf = engine.rtcpBuffer();
    int len = 0;
    for (RtcpPacket p : packets) {
      len += RtcpWriter.write(p, buf, len);
    }
    int n = srtp.protectRtcp(buf, 0, len);
    if (n < 0) {
      engine.counters().increment(MediaCounter.SRTP_FAILED);
      return;
    }
    engine.counters().increment(MediaCounter.RTCP_SENT);
    engine.send(buf, 0, n, remoteAddress);
  }

  void sendPictureLossIndication(long mediaSsrc) {
    if (!isConnected()) {
      return;
    }
    engine.counters().increment(MediaCounter.KEYFRAME_REQUESTS_SENT);
    sendRtcp(new PictureLossIndication(rtcpSsrc, mediaSsrc));
  }

  /**
   * Writes, protects and sends every transport-cc feedback packet that is waiting, each in a
   * datagram of its own (reduced-size RTCP, RFC 5506). Uses the engine's RTCP buffer, so it
   * must not run while another RTCP packet is being written there.
   */
  private void sendTransportCcFeedback() {
    if (!isConnected() || remoteAddress == null) {
      return;
    }
    byte[] buf = engine.rtcpBuffer();
    int len;
    while ((len = transportCc.nextFeedback(buf, 0)) > 0) {
      int n = srtp.protectRtcp(buf, 0, len);
      if (n < 0) {
        engine.counters().increment(MediaCounter.SRTP_FAILED);
        return;
      }
      engine.counters().increment(MediaCounter.RTCP_SENT);
      engine.counters().increment(MediaCounter.TRANSPORT_CC_FEEDBACK_SENT);
      engine.send(buf, 0, n, remoteAddress);
    }
  }

  /** Every {@link TransportCcFeedbackGenerator#TICK_MS} ms: transport-cc feedback if due. */
  void feedbackTick() {
    if (transportCc != null && !closed && transportCc.feedbackDue()) {
      sendTransportCcFeedback();
    }
  }

  /** Once a second: consent freshness, then receiver and sender reports. */
  void tick(long nowNanos) {
    if (closed || !negotiated) {
      return;
    }
    if (nowNanos - lastConsentNanos > engine.consentTimeout().toNanos()) {
      engine.counters().increment(MediaCounter.CONSENT_EXPIRED);
      close(remoteAddress == null ? "ice never connected" : "ice consent expired");
      return;
    }
    if (!isConnected()) {
      return;
    }
    List<ReportBlock> blocks = new ArrayList<>();
    for (Producer p : producers) {
      if (p.hasReceivedPackets()) {
        blocks.add(p.reportBlock(nowNanos));
      }
    }
    // RFC 3550 §6.4.2: one RR holds at most 31 blocks; more sources take more reports.
    for (int from = 0; from < blocks.size(); from += ReceiverReport.MAX_REPORTS) {
      List<ReportBlock> some =
          blocks.subList(from, Math.min(blocks.size(), from + ReceiverReport.MAX_REPORTS));
      sendRtcp(new ReceiverReport(rtcpSsrc, some),
          new SourceDescription(List.of(new SdesChunk(rtcpSsrc, cname))));
    }
    long ntp = NtpTime.fromEpochMillis(System.currentTimeMillis());
    for (Consumer c : consumers) {
      if (c.hasSent()) {
        // RFC 3550 §6.4.1: the sender's packet and octet counts wrap modulo 2^32.
        sendRtcp(new SenderReport(c.ssrc(), ntp, c.rtpTimestampAt(nowNanos),
                c.packetsSent() & 0xFFFF_FFFFL, c.octetsSent() & 0xFFFF_FFFFL, List.of()),
            new SourceDescription(List.of(new SdesChunk(c.ssrc(), cname))));
      }
    }
  }

  private void removeProducer(Producer p) {
    producers.remove(p);
    producersBySsrc.remove(p.ssrc());
    p.close();
  }

  private void onSrtpReady(SrtpKeys keys) {
    if (closed) {
      return;
    }
    srtp = new SrtpSession(keys);
    connected = true;
    listener.onTransportConnected(this);
    long now = System.nanoTime();
    for (Consumer c : consumers) {
      c.onKeyframeRequest(now);
    }
  }

  private String randomIceString(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ICE_CHARS.charAt(engine.random().nextInt(ICE_CHARS.length())));
    }
    return sb.toString();
  }

  /** DTLS events arrive on the handshake thread and hop to the loop. */
  private final class DtlsEvents implements DtlsServerTransport.Listener {
    @Override
    public void onDtlsSend(byte[] data, int off, int len) {
      InetSocketAddress to = remoteAddress;
      if (to != null) {
        engine.sendFromAnyThread(data, off, len, to);
      }
    }

    @Override
    public void onDtlsConnected(SrtpKeys keys) {
      engine.loop().execute(() -> onSrtpReady(keys));
    }

    @Override
    public void onDtlsFailed(String reason) {
      engine.loop().execute(() -> close("dtls failed: " + reason));
    }

    @Override
    public void onDtlsClosed() {
      engine.loop().execute(() -> close("dtls closed by peer"));
    }
  }
}
