package io.kaihui.media;

import java.util.ArrayList;
import java.util.List;

/**
 * One meeting's forwarding table: its transports, the {@link Producer}s they publish and the
 * {@link Consumer}s that copy them. Media never crosses from one router to another, so one
 * meeting's media never reaches anyone outside it.
 *
 * <p>Loop-confined: call its methods on the engine's loop ({@link MediaEngine#call}).
 */
public final class Router {

  private final MediaEngine engine;
  private final String id;
  private final List<WebRtcTransport> transports = new ArrayList<>();
  private boolean closed;

  Router(MediaEngine engine, String id) {
    this.engine = engine;
    this.id = id;
  }

  /** This router's id, unique in the engine. */
  public String id() {
    return id;
  }

  /** The engine this router runs in. */
  public MediaEngine engine() {
    return engine;
  }

  /**
   * Creates a transport for one browser PeerConnection, with fresh ICE credentials. Its DTLS
   * server and consent timer start with its first SDP (publish answer or subscribe offer).
   *
   * @param listener told when it connects and when it closes
   * @return the transport
   * @throws IllegalStateException if the router is closed
   */
  public WebRtcTransport createWebRtcTransport(WebRtcTransport.Listener listener) {
    if (closed) {
      throw new IllegalStateException("router " + id + " is closed");
    }
    WebRtcTransport t = new WebRtcTransport(engine, this, engine.randomId("t"), listener);
    transports.add(t);
    engine.register(t);
    return t;
  }

  /**
   * Makes a consumer of {@code producer} on {@code subscriber}, a new m-section in the
   * subscriber's next subscribe offer.
   *
   * @param producer the track to copy; it must belong to this router
   * @param subscriber the receiving transport; it must belong to this router
   * @param streamId the MediaStream id the receiver will see ({@code msid}), usually the
   *     publishing participant's id
   * @return the consumer
   * @throws IllegalArgumentException if either belongs to another router
   */
  public Consumer consume(Producer producer, WebRtcTransport subscriber, String streamId) {
    if (producer.transport().router() != this || subscriber.router() != this) {
      throw new IllegalArgumentException("producer and subscriber must be in router " + id);
    }
    Consumer c = subscriber.addConsumer(producer, streamId);
    producer.addConsumer(c);
    producer.requestKeyframe(System.nanoTime());
    return c;
  }

  /** All producers of all transports of this router (a copy). */
  public List<Producer> producers() {
    List<Producer> all = new ArrayList<>();
    for (WebRtcTransport t : transports) {
      all.addAll(t.producers());
    }
    return all;
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed;
  }

  /** Closes every transport of this router and forgets it. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (WebRtcTransport t : List.copyOf(transports)) {
      t.close("router closed");
    }
    engine.removeRouter(this);
  }

  void removeTransport(WebRtcTransport t) {
    transports.remove(t);
  }

  /** Feedback tick: transport-cc feedback of every transport that has some due. */
  void feedbackTick() {
    // Sending feedback never closes or adds a transport, so no copy of the list is needed.
    for (int i = 0, n = transports.size(); i < n; i++) {
      transports.get(i).feedbackTick();
    }
  }

  void tick(long nowNanos) {
    for (WebRtcTransport t : List.copyOf(transports)) {
      t.tick(nowNanos);
    }
  }
}
