package io.kaihui.media.testing;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.Producer;
import io.kaihui.media.PublishResult;
import io.kaihui.media.Router;
import io.kaihui.media.SdpNegotiationException;
import io.kaihui.media.SubscribeNegotiator;
import io.kaihui.media.WebRtcTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One meeting of {@link SyntheticParticipant}s on a {@link MediaEngine}, driven through the
 * engine's public API exactly as the server's {@code io.kaihui.server.meeting.Meeting} drives it,
 * with the signaling channel replaced by method calls: every router, transport and consumer call
 * runs on the engine's loop through {@link MediaEngine#call} and is awaited.
 *
 * <ul>
 *   <li>{@link #join}: two transports (publish, subscribe); the newcomer consumes every producer
 *       already there and is offered them at once (the server's {@code offerExistingTracks}).
 *   <li>{@link #publish}: the participant's offer is answered, its answer applied; every other
 *       member consumes the new producers; then everyone renegotiates.
 *   <li>{@link #renegotiate}: while the subscribe transport has an offer, the participant
 *       answers it and the answer is applied.
 *   <li>{@link #leave}: both transports closed, the others renegotiate.
 * </ul>
 *
 * <p>Thread-safe: one call at a time, like the server's per-meeting lock.
 */
public final class LoopbackMeeting implements AutoCloseable {

  /** A participant in the meeting and the SFU's side of them. */
  public static final class Member {
    private final String id;
    private final SyntheticParticipant participant;
    private final ConcurrentLinkedQueue<String> closeReasons = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<WebRtcTransport> connected = new ConcurrentLinkedQueue<>();
    private WebRtcTransport publishTransport;
    private WebRtcTransport subscribeTransport;

    private Member(String id, SyntheticParticipant participant) {
      this.id = id;
      this.participant = participant;
    }

    /** The member id: the msid stream id the others see on this member's tracks. */
    public String id() {
      return id;
    }

    /** The browser stand-in. */
    public SyntheticParticipant participant() {
      return participant;
    }

    /** The SFU transport of the publish PeerConnection. */
    public WebRtcTransport publishTransport() {
      return publishTransport;
    }

    /** The SFU transport of the subscribe PeerConnection. */
    public WebRtcTransport subscribeTransport() {
      return subscribeTransport;
    }

    /** The reasons the listener heard for transports that closed, oldest first. */
    public List<String> closeReasons() {
      return List.copyOf(closeReasons);
    }

    /** How many of this member's transports reported connected. */
    public int transportsConnected() {
      return connected.size();
    }

    @Override
    public String toString() {
      return "Member[" + id + "]";
    }
  }

  private final MediaEngine engine;
  private final Router router;
  private final Map<String, Member> members = new LinkedHashMap<>();

  /**
   * Creates the meeting's router.
   *
   * @param engine a running engine
   */
  public LoopbackMeeting(MediaEngine engine) {
    this.engine = engine;
    this.router = engine.createRouter();
  }

  /** The meeting's router. */
  public Router router() {
    return router;
  }

  /** The engine. */
  public MediaEngine engine() {
    return engine;
  }

  /** The members present, in join order. */
  public synchronized List<Member> members() {
    return List.copyOf(members.values());
  }

  /**
   * Adds a participant: creates its two transports, lets it consume every producer present and
   * negotiates its subscribe transport if there is any.
   *
   * @param participant a participant not yet in a meeting; its name becomes the member id
   * @return the member
   * @throws IllegalArgumentException if the name is taken
   */
  public synchronized Member join(SyntheticParticipant participant) {
    if (members.containsKey(participant.name())) {
      throw new IllegalArgumentException("already joined: " + participant.name());
    }
    Member m = new Member(participant.name(), participant);
    WebRtcTransport.Listener events = new WebRtcTransport.Listener() {
      @Override
      public void onTransportConnected(WebRtcTransport transport) {
        m.connected.add(transport);
      }

      @Override
      public void onTransportClosed(WebRtcTransport transport, String reason) {
        m.closeReasons.add(reason);
      }
    };
    List<WebRtcTransport> transports = engine.await(() -> List.of(
        router.createWebRtcTransport(events), router.createWebRtcTransport(events)));
    m.publishTransport = transports.get(0);
    m.subscribeTransport = transports.get(1);
    members.put(m.id, m);
    engine.await(() -> {
      for (Member other : members.values()) {
        if (other != m) {
          for (Producer p : other.publishTransport.producers()) {
            router.consume(p, m.subscribeTransport, other.id);
          }
        }
      }
      return null;
    });
    renegotiate(m);
    return m;
  }

  /**
   * Publishes the member's microphone and camera: offer, answer, consumers for everyone else,
   * renegotiation of everyone.
   *
   * @return what answering the offer did
   * @throws SdpNegotiationException if the SFU refuses the offer
   */
  public synchronized PublishResult publish(Member m) throws SdpNegotiationException {
    String offer = m.participant.createPublishOffer();
    PublishResult result = engine.await(() -> m.publishTransport.answerPublishOffer(offer));
    m.participant.setPublishAnswer(result.answerSdp());
    if (!result.added().isEmpty()) {
      engine.await(() -> {
        for (Member other : members.values()) {
          if (other != m) {
            for (Producer p : result.added()) {
              router.consume(p, other.subscribeTransport, m.id);
            }
          }
        }
        return null;
      });
    }
    for (Member other : members.values()) {
      renegotiate(other);
    }
    return result;
  }

  /**
   * Offers the member's subscribe transport's changes until there are none.
   *
   * @throws IllegalStateException if the SFU refuses the participant's answer
   */
  public synchronized void renegotiate(Member m) {
    while (true) {
      SubscribeNegotiator.Offer offer = engine.await(() -> m.subscribeTransport.subscribeOffer());
      if (offer == null) {
        return;
      }
      String answer = m.participant.answerSubscribeOffer(offer.sdp());
      try {
        engine.await(() -> {
          m.subscribeTransport.applySubscribeAnswer(offer.version(), answer);
          return null;
        });
      } catch (SdpNegotiationException e) {
        throw new IllegalStateException(m + ": the SFU refused the subscribe answer", e);
      }
    }
  }

  /** Removes a member: closes its transports and participant, renegotiates the others. */
  public synchronized void leave(Member m) {
    if (members.remove(m.id) == null) {
      return;
    }
    engine.await(() -> {
      m.publishTransport.close("participant left");
      m.subscribeTransport.close("participant left");
      return null;
    });
    m.participant.close();
    for (Member other : members.values()) {
      renegotiate(other);
    }
  }

  /** Closes the router and every participant. */
  @Override
  public synchronized void close() {
    engine.await(() -> {
      router.close();
      return null;
    });
    for (Member m : new ArrayList<>(members.values())) {
      m.participant.close();
    }
    members.clear();
  }
}
