package io.kaihui.bench.load;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.protocol.JoinRequest;
import io.kaihui.protocol.JoinResponse;
import io.kaihui.protocol.OkResponse;
import io.kaihui.protocol.PingRequest;
import io.kaihui.protocol.PublishRequest;
import io.kaihui.protocol.PublishResponse;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.SubscribeAnswer;
import io.kaihui.protocol.SubscribeOffer;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One synthetic person in a Kaihui meeting, as a browser would be: joins as a guest through the
 * signaling WebSocket, publishes the recorded VP8 and Opus (when a publisher) over its publish
 * PeerConnection, answers every subscribe offer, and receives, decrypts and checks what the SFU
 * forwards: packets, bytes, and the delay each took from its sender ({@link SendStamp}).
 */
final class LoadParticipant implements AutoCloseable {

  private final String name;
  private final boolean publisher;
  private final SyntheticParticipant media;
  private final SignalingSession signaling;
  private final ExecutorService offers;
  private final DelayHistogram delays;
  private final AtomicLong packets = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong unstamped = new AtomicLong();
  private volatile boolean counting;
  private ScheduledFuture<?> ping;

  private LoadParticipant(String name, boolean publisher, SyntheticParticipant media,
      SignalingSession signaling, ExecutorService offers, DelayHistogram delays) {
    this.name = name;
    this.publisher = publisher;
    this.media = media;
    this.signaling = signaling;
    this.offers = offers;
    this.delays = delays;
  }

  /**
   * Joins a meeting (which must allow guests) and starts media.
   *
   * @param name the display name
   * @param publisher whether it sends audio and video (else it only receives)
   * @param http the client for the socket
   * @param baseUrl the server's base URL
   * @param meetingNumber the meeting
   * @param recorded the media to send
   * @param offers where subscribe offers are answered (one thread per participant is wasteful)
   * @param scheduler where the heartbeat runs
   * @param delays where the delay of every packet received is counted
   * @return the participant, joined; media flows once ICE and DTLS complete
   * @throws IllegalStateException if the server refuses
   */
  static LoadParticipant join(String name, boolean publisher, HttpClient http, String baseUrl,
      String meetingNumber, RecordedMedia recorded, ExecutorService offers,
      ScheduledExecutorService scheduler, DelayHistogram delays) {
    SyntheticParticipant media = new SyntheticParticipant(name,
        SyntheticParticipant.Options.chromium().withMedia(recorded)
            .withKeyframeInterval(java.time.Duration.ZERO));
    LoadParticipant[] self = new LoadParticipant[1];
    SignalingSession signaling = SignalingSession.open(http, baseUrl, event -> {
      LoadParticipant p = self[0];
      if (p != null) {
        p.onEvent(event);
      }
    });
    LoadParticipant p = new LoadParticipant(name, publisher, media, signaling, offers, delays);
    self[0] = p;
    media.subscribeConnection().setRtpListener(p::onRtp);
    signaling.request(id -> new JoinRequest(id, meetingNumber, name, !publisher, !publisher),
        JoinResponse.class);
    if (publisher) {
      String answer = signaling.request(id -> new PublishRequest(id, media.createPublishOffer()),
          PublishResponse.class).sdp();
      media.setPublishAnswer(answer);
    }
    media.startMedia();
    p.ping = scheduler.scheduleAtFixedRate(() -> {
      try {
        signaling.request(id -> new PingRequest(id, false), OkResponse.class);
      } catch (RuntimeException e) {
        // The run's checks report a participant that lost its connection.
      }
    }, 5, 5, TimeUnit.SECONDS);
    return p;
  }

  private void onEvent(ServerMessage event) {
    if (event instanceof SubscribeOffer offer) {
      offers.execute(() -> {
        try {
          String answer = media.answerSubscribeOffer(offer.sdp());
          signaling.request(id -> new SubscribeAnswer(id, offer.version(), answer),
              OkResponse.class);
        } catch (RuntimeException e) {
          System.err.println(name + ": cannot answer subscribe offer " + offer.version() + ": "
              + e.getMessage());
        }
      });
    }
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

  @Override
  public void close() {
    if (ping != null) {
      ping.cancel(false);
    }
    signaling.close();
    media.close();
  }
}
