package io.kaihui.bench.load;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.testing.SyntheticParticipant;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One synthetic person in a load run, on either server: a {@link SyntheticParticipant} (the
 * browser: ICE, DTLS, SRTP, the recorded VP8 and Opus) let in by the {@link LoadTarget}'s
 * signaling, and the count of what it receives while the run counts: packets, bytes, and the
 * delay each took from its sender ({@link SendStamp}).
 */
final class LoadParticipant implements AutoCloseable {

  private final boolean publisher;
  private final SyntheticParticipant media;
  private final DelayHistogram delays;
  private final AtomicLong packets = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong unstamped = new AtomicLong();
  private volatile boolean counting;
  private volatile AutoCloseable signaling;

  private LoadParticipant(boolean publisher, SyntheticParticipant media, DelayHistogram delays) {
    this.publisher = publisher;
    this.media = media;
    this.delays = delays;
  }

  /**
   * Joins a meeting and starts media.
   *
   * @param target the server
   * @param meeting the meeting's id there
   * @param name the display name
   * @param publisher whether it sends audio and video (else it only receives)
   * @param recorded the media to send
   * @param delays where the delay of every packet received is counted
   * @param shared the run's shared threads
   * @return the participant, joined; media flows once ICE and DTLS complete
   * @throws Exception if the server refuses
   */
  static LoadParticipant join(LoadTarget target, String meeting, String name, boolean publisher,
      RecordedMedia recorded, DelayHistogram delays, SharedThreads shared) throws Exception {
    // A publisher sends on a thread of its own; the audience shares one for its reports.
    SyntheticParticipant media = new SyntheticParticipant(name,
        SyntheticParticipant.Options.chromium().withMedia(recorded)
            .withKeyframeInterval(Duration.ZERO).withBind(target.participantAddress()),
        publisher ? null : shared.audience(), shared.checks());
    LoadParticipant p = new LoadParticipant(publisher, media, delays);
    media.subscribeConnection().setRtpListener(p::onRtp);
    try {
      p.signaling = target.join(meeting, name, publisher, media);
    } catch (Exception | Error e) {
      media.close();
      throw e;
    }
    return p;
  }

  private void onRtp(byte[] buf, int off, int len, long nowNanos) {
    if (!counting) {
      return;
    }
    packets.incrementAndGet();
    bytes.addAndGet(len);
    int payloadOff = RtpPacket.payloadOffset(buf, off, len);
    int end = off + len - RtpPacket.paddingLength(buf, off, len);
    long sent = payloadOff < 0 ? Long.MIN_VALUE : SendStamp.read(buf, payloadOff, end);
    if (sent == Long.MIN_VALUE) {
      unstamped.incrementAndGet();
    } else {
      delays.record(nowNanos - sent);
    }
  }

  /** Starts or stops counting what arrives (the measurement window). */
  void counting(boolean on) {
    counting = on;
  }

  /** Whether it publishes. */
  boolean publisher() {
    return publisher;
  }

  /** The synthetic browser underneath. */
  SyntheticParticipant media() {
    return media;
  }

  /** RTP packets received while counting. */
  long packets() {
    return packets.get();
  }

  /** RTP bytes (header and payload, after decryption) received while counting. */
  long bytes() {
    return bytes.get();
  }

  /** Packets received while counting without a send stamp (not from a load participant). */
  long unstamped() {
    return unstamped.get();
  }

  /**
   * Packets lost on every stream received since it joined: expected (from sequence numbers)
   * minus received.
   */
  long lost() {
    return media.subscribeConnection().streams().values().stream()
        .mapToLong(s -> Math.max(0, s.expectedPackets() - s.packets())).sum();
  }

  /** SRTP packets that failed authentication or decryption since it joined. */
  long srtpFailures() {
    return media.subscribeConnection().srtpFailures();
  }

  /** Packets received on every stream since it joined, counting or not. */
  long packetsSinceJoin() {
    return media.subscribeConnection().streams().values().stream()
        .mapToLong(s -> s.packets()).sum();
  }

  /**
   * Threads every participant of a run shares: one for the ICE checks of all PeerConnections,
   * one for the reports of everyone who does not publish. Without them a webinar of 500 had
   * 2 000 scheduler threads besides its receivers.
   */
  record SharedThreads(ScheduledExecutorService checks, ScheduledExecutorService audience)
      implements AutoCloseable {

    /** Starts the two threads. */
    static SharedThreads start() {
      return new SharedThreads(
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("load-ice").factory()),
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("load-audience").factory()));
    }

    @Override
    public void close() {
      checks.shutdownNow();
      audience.shutdownNow();
    }
  }

  @Override
  public void close() {
    AutoCloseable s = signaling;
    if (s != null) {
      try {
        s.close();
      } catch (Exception e) {
        // The server may be gone already.
      }
    }
    media.close();
  }
}
