package io.kaihui.media.testing;

import io.kaihui.media.rtcp.NtpTime;
import io.kaihui.media.rtcp.ReceiverReport;
import io.kaihui.media.rtcp.ReportBlock;
import io.kaihui.media.rtcp.SdesChunk;
import io.kaihui.media.rtcp.SenderReport;
import io.kaihui.media.rtcp.SourceDescription;
import io.kaihui.media.sdp.ExtMap;
import io.kaihui.media.sdp.SdpParseException;
import io.kaihui.media.sdp.SessionDescription;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Java stand-in for a meeting participant's browser: two {@link SyntheticPeerConnection}s as
 * the web client has them — <em>publish</em> (it offers, the SFU answers) and <em>subscribe</em>
 * (the SFU offers, it answers) — and a microphone and camera made of an Opus-like audio track
 * and a VP8 video track.
 *
 * <p>The publish offer is Chromium's captured offer with this participant's identity
 * ({@link PublishOfferTemplate}); the subscribe answer is written as Chromium writes it
 * ({@link SubscribeAnswerWriter}). Once {@link #startMedia() started}, audio goes out every
 * 20 ms and video at the configured frame rate, a keyframe first, then on every keyframe request
 * (PLI/FIR) and at the keyframe interval, each packet with a transport-wide sequence number when
 * the SFU accepted the extension; every second a sender report for both tracks goes to
 * the SFU on the publish side and a receiver report about every received stream on the
 * subscribe side (RFC 3550 §6.4), as Chromium does.
 *
 * <p>Thread-safe. Each participant has one thread for media and reports and one for ICE checks.
 */
public final class SyntheticParticipant implements AutoCloseable {

  /**
   * How a participant behaves.
   *
   * @param opusPayloadType the payload type its offer gives Opus (Chromium: 111), 35..127
   * @param vp8PayloadType the payload type its offer gives VP8 (Chromium: 96), 35..127
   * @param framesPerSecond video frame rate
   * @param keyframeInterval time between unrequested keyframes; {@link Duration#ZERO} for
   *     keyframes only when asked (and the first)
   * @param consentInterval time between consent checks once connected (RFC 7675)
   * @param media where the audio and video packets come from
   * @param bind the address both PeerConnections bind and announce (default 127.0.0.1)
   */
  public record Options(int opusPayloadType, int vp8PayloadType, int framesPerSecond,
      Duration keyframeInterval, Duration consentInterval, MediaSources media,
      InetAddress bind) {

    /** Validates. */
    public Options {
      Objects.requireNonNull(keyframeInterval, "keyframeInterval");
      Objects.requireNonNull(consentInterval, "consentInterval");
      Objects.requireNonNull(media, "media");
      Objects.requireNonNull(bind, "bind");
      if (framesPerSecond < 1 || framesPerSecond > 90) {
        throw new IllegalArgumentException("frame rate " + framesPerSecond);
      }
    }

    /**
     * Chromium's payload types, 15 fps, a keyframe every 3 s, consent every 2.5 s, synthetic
     * media.
     */
    public static Options chromium() {
      return new Options(111, 96, 15, Duration.ofSeconds(3),
          SyntheticPeerConnection.DEFAULT_CONSENT_INTERVAL, MediaSources.SYNTHETIC,
          InetAddress.getLoopbackAddress());
    }

    /** The same bound to another address of this host (its candidates announce it). */
    public Options withBind(InetAddress address) {
      return new Options(opusPayloadType, vp8PayloadType, framesPerSecond, keyframeInterval,
          consentInterval, media, address);
    }

    /** The same with other media sources. */
    public Options withMedia(MediaSources sources) {
      return new Options(opusPayloadType, vp8PayloadType, framesPerSecond, keyframeInterval,
          consentInterval, sources, bind);
    }

    /** The same with other payload types. */
    public Options withPayloadTypes(int opus, int vp8) {
      return new Options(opus, vp8, framesPerSecond, keyframeInterval, consentInterval, media,
          bind);
    }

    /** The same with another keyframe interval ({@link Duration#ZERO}: only when asked). */
    public Options withKeyframeInterval(Duration interval) {
      return new Options(opusPayloadType, vp8PayloadType, framesPerSecond, interval,
          consentInterval, media, bind);
    }

    /** The same with another consent interval. */
    public Options withConsentInterval(Duration interval) {
      return new Options(opusPayloadType, vp8PayloadType, framesPerSecond, keyframeInterval,
          interval, media, bind);
    }
  }

  private static final long REPORT_INTERVAL_MS = 1000;
  private static final String TRANSPORT_CC_URI =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  private final String name;
  private final Options options;
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService scheduler;
  private final ScheduledExecutorService checks;
  private final boolean ownsScheduler;
  private final boolean ownsChecks;
  private final SyntheticPeerConnection publish;
  private final SyntheticPeerConnection subscribe;
  private final String streamId = UUID.randomUUID().toString();
  private final String audioTrackId = UUID.randomUUID().toString();
  private final String videoTrackId = UUID.randomUUID().toString();
  private final String cname;
  private final long publishSessionId = random.nextLong() & Long.MAX_VALUE;
  private final long subscribeSessionId = random.nextLong() & Long.MAX_VALUE;
  private final long rtxSsrc;
  private final long receiverSsrc;
  private final AudioTrackSource audio;
  private final VideoTrackSource video;
  private final AtomicBoolean keyframeWanted = new AtomicBoolean(true);
  private final List<Long> senderReportsSent = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> mediaTasks = new ArrayList<>();
  private boolean capturing;
  private boolean reporting;
  private final byte[] audioBuffer;
  private volatile List<OfferedTrack> subscribedTracks = List.of();
  private long subscribeVersion = 1;
  private long lastKeyframeNanos;
  private int transportCcExtensionId;

  /**
   * Creates the participant, with a thread of its own for media and one for ICE checks, and
   * binds its two sockets; nothing is sent yet.
   *
   * @param name a short name for threads and messages
   * @param options how it behaves
   */
  public SyntheticParticipant(String name, Options options) {
    this(name, options, null, null);
  }

  /**
   * Creates the participant with schedulers shared with others, as a load generator of
   * hundreds needs: ICE ticks take microseconds, so one thread serves hundreds of
   * PeerConnections; a participant that does not publish only sends reports once a second.
   * Shared schedulers are not shut down by {@link #close()}.
   *
   * @param name a short name for threads and messages
   * @param options how it behaves
   * @param sharedMedia runs media and reports; must be single-threaded; null for a thread of
   *     its own (a publisher's sending should not wait for others')
   * @param sharedChecks runs the ICE checks of both PeerConnections; null for a thread of its
   *     own
   */
  public SyntheticParticipant(String name, Options options, ScheduledExecutorService sharedMedia,
      ScheduledExecutorService sharedChecks) {
    this.name = name;
    this.options = options;
    this.ownsScheduler = sharedMedia == null;
    this.ownsChecks = sharedChecks == null;
    this.scheduler = sharedMedia != null ? sharedMedia
        : Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("synthetic-" + name).factory());
    // Checks on their own thread, so that media work never delays consent.
    this.checks = sharedChecks != null ? sharedChecks
        : Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("synthetic-ice-" + name).factory());
    this.publish = new SyntheticPeerConnection(name + "/publish", checks, options.bind());
    this.subscribe = new SyntheticPeerConnection(name + "/subscribe", checks, options.bind());
    publish.setConsentInterval(options.consentInterval());
    subscribe.setConsentInterval(options.consentInterval());
    this.cname = Long.toUnsignedString(random.nextLong(), 36);
    long audioSsrc = randomSsrc();
    long videoSsrc = randomSsrc();
    this.rtxSsrc = randomSsrc();
    this.receiverSsrc = randomSsrc();
    this.audio = options.media().audio(audioSsrc, options.opusPayloadType(), random);
    this.video = options.media().video(videoSsrc, options.vp8PayloadType(),
        options.framesPerSecond(), random);
    this.audioBuffer = new byte[audio.maxPacketLength()];
    publish.setKeyframeRequestListener(ssrc -> {
      if (ssrc == videoSsrc) {
        keyframeWanted.set(true);
      }
    });
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /** The publish PeerConnection. */
  public SyntheticPeerConnection publishConnection() {
    return publish;
  }

  /** The subscribe PeerConnection. */
  public SyntheticPeerConnection subscribeConnection() {
    return subscribe;
  }

  /** The SSRC of the audio track. */
  public long audioSsrc() {
    return audio.ssrc();
  }

  /** The SSRC of the video track. */
  public long videoSsrc() {
    return video.ssrc();
  }

  /** The MediaStream id in the publish offer. */
  public String streamId() {
    return streamId;
  }

  /** The audio MediaStreamTrack id in the publish offer. */
  public String audioTrackId() {
    return audioTrackId;
  }

  /** The video MediaStreamTrack id in the publish offer. */
  public String videoTrackId() {
    return videoTrackId;
  }

  /** The options given at creation. */
  public Options options() {
    return options;
  }

  /**
   * {@code createOffer} on the publish PeerConnection: Chromium's offer with this participant's
   * credentials, fingerprint, port, SSRCs and payload types.
   */
  public String createPublishOffer() {
    return PublishOfferTemplate.offer(new PublishOfferTemplate.Identity(publishSessionId,
        publish.localUfrag(), publish.localPassword(), publish.fingerprint(),
        publish.localHost(), publish.localPort(),
        audio.ssrc(), video.ssrc(), rtxSsrc, streamId, audioTrackId, videoTrackId, cname,
        options.opusPayloadType(), options.vp8PayloadType()));
  }

  /**
   * {@code setRemoteDescription(answer)} on the publish PeerConnection: starts ICE and DTLS
   * towards the SFU. If the answer accepts the transport-wide sequence number extension, every
   * packet published from now on carries one, the first just below the 16-bit wrap (so that
   * every test crosses it within about a second of media).
   *
   * @param answerSdp the SFU's answer
   * @throws IllegalArgumentException if it does not parse or lacks ICE credentials, a
   *     fingerprint or a candidate
   */
  public synchronized void setPublishAnswer(String answerSdp) {
    SessionDescription answer = parse(answerSdp);
    int extensionId = transportCcExtensionId(answer);
    if (extensionId != transportCcExtensionId) {
      // A renegotiation that moved the id keeps the sequence going.
      int next = transportCcExtensionId == 0
          ? 0xFFFF - random.nextInt(100) : publish.nextTransportSequenceNumber();
      transportCcExtensionId = extensionId;
      publish.setTransportCc(extensionId, next);
    }
    publish.connect(ServerIceParameters.of(answer));
  }

  /** The id the answer's first m-section gives the transport-wide sequence number, or 0. */
  private static int transportCcExtensionId(SessionDescription answer) {
    if (answer.media().isEmpty()) {
      return 0;
    }
    for (ExtMap e : answer.media().get(0).extmaps()) {
      if (e.uri().equals(TRANSPORT_CC_URI)) {
        return e.id();
      }
    }
    return 0;
  }

  /**
   * Answers a subscribe offer ({@code setRemoteDescription}, {@code createAnswer},
   * {@code setLocalDescription}) and, the first time, starts ICE and DTLS on the subscribe
   * PeerConnection.
   *
   * @param offerSdp the SFU's offer
   * @return the answer
   * @throws IllegalArgumentException if the offer does not parse or cannot be answered
   */
  public synchronized String answerSubscribeOffer(String offerSdp) {
    SubscribeAnswerWriter.Answer answer =
        SubscribeAnswerWriter.answer(offerSdp, subscribe, subscribeSessionId, subscribeVersion++);
    subscribedTracks = answer.tracks();
    // The answerer controls ICE only towards a lite server (RFC 8445 §6.1.1).
    subscribe.connect(answer.server(), answer.server().iceLite());
    return answer.sdp();
  }

  /** The m-sections of the last subscribe offer answered, in order. */
  public List<OfferedTrack> subscribedTracks() {
    return subscribedTracks;
  }

  /** The active m-sections of the last subscribe offer answered. */
  public List<OfferedTrack> activeSubscribedTracks() {
    return subscribedTracks.stream().filter(OfferedTrack::active).toList();
  }

  /** Starts the microphone, camera and RTCP reports. Idempotent. */
  public synchronized void startMedia() {
    if (capturing) {
      return;
    }
    capturing = true;
    mediaTasks.add(scheduler.scheduleAtFixedRate(this::sendAudio, 0, 20, TimeUnit.MILLISECONDS));
    mediaTasks.add(scheduler.scheduleAtFixedRate(this::sendVideo, 0,
        1_000_000 / options.framesPerSecond(), TimeUnit.MICROSECONDS));
    startReports();
  }

  /**
   * Starts only the RTCP reports (receiver reports on what arrives), for a participant that
   * does not publish, such as a webinar's audience: its microphone and camera never tick.
   * Idempotent; {@link #startMedia()} includes it.
   */
  public synchronized void startReports() {
    if (!reporting) {
      reporting = true;
      mediaTasks.add(scheduler.scheduleAtFixedRate(this::sendReports, REPORT_INTERVAL_MS,
          REPORT_INTERVAL_MS, TimeUnit.MILLISECONDS));
    }
  }

  /** Stops media and reports; checks go on. */
  public synchronized void stopMedia() {
    for (ScheduledFuture<?> f : mediaTasks) {
      f.cancel(false);
    }
    mediaTasks.clear();
    capturing = false;
    reporting = false;
  }

  /** Stops consent checks on both PeerConnections, as a browser that went away would. */
  public void stopConsent() {
    publish.setConsentChecks(false);
    subscribe.setConsentChecks(false);
  }

  /** Keyframe requests received for the video track. */
  public long keyframeRequestsReceived() {
    long ssrc = video.ssrc();
    return publish.keyframeRequests().stream().filter(s -> s == ssrc).count();
  }

  /** The middle 32 bits of the NTP timestamps of the sender reports sent (for LSR checks). */
  public List<Long> senderReportsSent() {
    return List.copyOf(senderReportsSent);
  }

  /**
   * Runs a task on this participant's scheduler thread and waits, to read the media sources
   * consistently.
   */
  private <T> T onScheduler(java.util.concurrent.Callable<T> task) {
    try {
      return scheduler.submit(task).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Video keyframes sent so far. */
  public long keyframesSent() {
    return onScheduler(video::keyframesSent);
  }

  /** Audio packets sent so far. */
  public long audioPacketsSent() {
    return onScheduler(audio::packetsSent);
  }

  /** The sequence number of the last audio packet sent. */
  public int lastAudioSequence() {
    return onScheduler(audio::lastSequence);
  }

  /** The sequence number of the last video packet sent. */
  public int lastVideoSequence() {
    return onScheduler(video::lastSequence);
  }

  /** Video packets sent so far. */
  public long videoPacketsSent() {
    return onScheduler(video::packetsSent);
  }

  /** Closes both PeerConnections (DTLS close_notify) and the scheduler. */
  @Override
  public void close() {
    stopMedia();
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    if (ownsChecks) {
      checks.shutdownNow();
    }
    publish.close();
    subscribe.close();
  }

  @Override
  public String toString() {
    return "SyntheticParticipant[" + name + "]";
  }

  // ---- media, on the scheduler thread ----

  private void sendAudio() {
    if (publish.isConnected()) {
      int len = audio.next(audioBuffer);
      publish.sendRtp(audioBuffer, 0, len);
    }
  }

  private void sendVideo() {
    if (!publish.isConnected()) {
      return;
    }
    long now = System.nanoTime();
    boolean periodic = !options.keyframeInterval().isZero()
        && now - lastKeyframeNanos >= options.keyframeInterval().toNanos();
    boolean keyframe = keyframeWanted.getAndSet(false) || periodic;
    if (keyframe) {
      lastKeyframeNanos = now;
    }
    for (byte[] p : video.nextFrame(keyframe)) {
      publish.sendRtp(p, 0, p.length);
    }
  }

  private void sendReports() {
    if (publish.isConnected() && audio.packetsSent() > 0) {
      long ntp = NtpTime.fromEpochMillis(System.currentTimeMillis());
      publish.sendRtcp(
          new SenderReport(audio.ssrc(), ntp, audio.lastTimestamp(),
              audio.packetsSent() & 0xFFFF_FFFFL, audio.octetsSent() & 0xFFFF_FFFFL, List.of()),
          new SourceDescription(List.of(new SdesChunk(audio.ssrc(), cname))));
      publish.sendRtcp(
          new SenderReport(video.ssrc(), ntp, video.lastTimestamp(),
              video.packetsSent() & 0xFFFF_FFFFL, video.octetsSent() & 0xFFFF_FFFFL, List.of()),
          new SourceDescription(List.of(new SdesChunk(video.ssrc(), cname))));
      senderReportsSent.add(NtpTime.middle32(ntp));
    }
    if (subscribe.isConnected()) {
      long now = System.nanoTime();
      List<ReportBlock> blocks = new ArrayList<>();
      for (ReceivedStream s : subscribe.streams().values()) {
        if (blocks.size() < ReceiverReport.MAX_REPORTS && s.packets() > 0) {
          blocks.add(s.reportBlock(now));
        }
      }
      if (!blocks.isEmpty()) {
        subscribe.sendRtcp(new ReceiverReport(receiverSsrc, blocks),
            new SourceDescription(List.of(new SdesChunk(receiverSsrc, cname))));
      }
    }
  }

  private long randomSsrc() {
    long ssrc;
    do {
      ssrc = random.nextInt() & 0xFFFF_FFFFL;
    } while (ssrc == 0);
    return ssrc;
  }

  private static SessionDescription parse(String sdp) {
    try {
      return SessionDescription.parse(sdp);
    } catch (SdpParseException e) {
      throw new IllegalArgumentException("SDP does not parse: " + e.getMessage(), e);
    }
  }
}
