package io.kaihui.media;

import io.kaihui.media.dtls.DtlsCertificate;
import io.kaihui.media.srtp.SrtpSession;
import io.kaihui.media.stun.StunClass;
import io.kaihui.media.stun.StunMessage;
import io.kaihui.media.stun.StunMessageBuilder;
import io.kaihui.media.stun.StunParseException;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SFU engine: one UDP socket shared by every {@link WebRtcTransport} (RFC 7983
 * demultiplexing), an ICE-lite responder (RFC 8445 §2.5), one DTLS certificate per start, and
 * the {@link Router}s of all meetings.
 *
 * <p>An unknown address is accepted only through a STUN Binding Request whose USERNAME names a
 * transport's ufrag and whose MESSAGE-INTEGRITY verifies with that transport's password;
 * afterwards DTLS and SRTP from that address go to that transport. Everything else is dropped
 * and counted ({@link MediaCounter}).
 *
 * <p>Start with {@link #start(MediaEngineConfig)}; {@link #close()} closes every router.
 */
public final class MediaEngine implements AutoCloseable {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaEngine.class);

  private static final int STUN_BINDING = 0x001;
  private static final long TICK_MS = 1000;

  private final MediaEngineCounters counters = new MediaEngineCounters();
  private final MediaSocket socket;
  private final DtlsCertificate certificate;
  private final List<InetAddress> announcedAddresses;
  private final java.time.Duration consentTimeout;
  private final ExecutorService dtlsExecutor = Executors.newVirtualThreadPerTaskExecutor();
  private final SecureRandom random = new SecureRandom();
  private final byte[] sendBuffer = new byte[MediaSocket.MAX_DATAGRAM + MediaSocket.HEADROOM];
  private final byte[] rtcpBuffer = new byte[MediaSocket.MAX_DATAGRAM + MediaSocket.HEADROOM];
  private final ScheduledFuture<?> ticker;
  private final ScheduledFuture<?> feedbackTicker;

  // Loop-confined state.
  private final Map<String, WebRtcTransport> transportsByUfrag = new HashMap<>();
  private final Map<InetSocketAddress, WebRtcTransport> transportsByAddress = new HashMap<>();
  private final List<Router> routers = new ArrayList<>();

  private MediaEngine(MediaEngineConfig config) throws InterruptedException {
    this.certificate = DtlsCertificate.generate();
    this.consentTimeout = config.consentTimeout();
    InetSocketAddress bind = config.bindAddress() == null
        ? new InetSocketAddress(config.port())
        : new InetSocketAddress(config.bindAddress(), config.port());
    this.socket = new MediaSocket(bind, this::onDatagram, counters);
    this.announcedAddresses = config.announcedAddresses().isEmpty()
        ? HostAddresses.discover() : config.announcedAddresses();
    // Off the loop, so that the first transport's SRTP does not stall all media for a second.
    dtlsExecutor.execute(() -> {
      try {
        if (!SrtpSession.warmUp()) {
          log.error("SRTP does not round-trip a packet on this machine");
        }
      } catch (RuntimeException e) {
        log.warn("SRTP warm-up failed; the first connection will pay for it", e);
      }
    });
    this.ticker = socket.loop().scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS,
        TimeUnit.MILLISECONDS);
    this.feedbackTicker = socket.loop().scheduleAtFixedRate(this::feedbackTick,
        TransportCcFeedbackGenerator.TICK_MS, TransportCcFeedbackGenerator.TICK_MS,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Binds the media port and starts the engine.
   *
   * @param config the settings
   * @return the running engine
   * @throws MediaEngineException if the UDP port cannot be bound (in use, no permission)
   */
  public static MediaEngine start(MediaEngineConfig config) {
    try {
      return new MediaEngine(config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaEngineException("interrupted while binding UDP port " + config.port(), e);
    } catch (RuntimeException e) {
      throw new MediaEngineException("cannot bind UDP port " + config.port() + ": " + e, e);
    }
  }

  /** The UDP port all transports share. */
  public int port() {
    return socket.localAddress().getPort();
  }

  /** The addresses announced in ICE candidates, in order of preference. */
  public List<InetAddress> announcedAddresses() {
    return announcedAddresses;
  }

  /** The SHA-256 fingerprint of this start's DTLS certificate, as in SDP (RFC 8122 §5). */
  public String fingerprint() {
    return certificate.sha256Fingerprint();
  }

  /** Reads one counter; safe from any thread. */
  public long counter(MediaCounter counter) {
    return counters.get(counter);
  }

  /**
   * Creates a router for one meeting.
   *
   * @return the new router, already registered
   */
  public Router createRouter() {
    return call(() -> {
      Router r = new Router(this, randomId("r"));
      routers.add(r);
      return r;
    }).join();
  }

  /**
   * Runs a task on the engine's loop and completes with its result.
   *
   * @param task the work, which may touch routers, transports, producers and consumers
   * @param <T> the result type
   * @return a future completed on the loop with the result or the exception thrown
   */
  public <T> CompletableFuture<T> call(Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Runnable r = () -> {
      try {
        f.complete(task.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    };
    if (loop().inEventLoop()) {
      r.run();
    } else {
      loop().execute(r);
    }
    return f;
  }

  /** Work for the engine's loop that may throw a checked exception of type {@code E}. */
  @FunctionalInterface
  public interface LoopTask<T, E extends Exception> {
    /** Does the work on the loop. */
    T run() throws E;
  }

  /**
   * Runs a task on the engine's loop and waits for it, for callers on their own (virtual) thread:
   * its result is returned and what it throws is thrown here as it was, not wrapped. Never call it
   * from a thread the loop itself waits for.
   *
   * @param task the work, which may touch routers, transports, producers and consumers
   * @param <T> the result type
   * @param <E> the checked exception the task may throw
   * @return the task's result
   * @throws E when the task threw it
   */
  @SuppressWarnings("unchecked")
  public <T, E extends Exception> T await(LoopTask<T, E> task) throws E {
    try {
      return call(task::run).join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw (E) cause;
    }
  }

  @Override
  public void close() {
    call(() -> {
      ticker.cancel(false);
      feedbackTicker.cancel(false);
      for (Router r : List.copyOf(routers)) {
        r.close();
      }
      return null;
    }).join();
    socket.close();
    dtlsExecutor.shutdownNow();
  }

  // ---- package-private plumbing for routers and transports ----

  EventLoop loop() {
    return socket.loop();
  }

  DtlsCertificate certificate() {
    return certificate;
  }

  ExecutorService dtlsExecutor() {
    return dtlsExecutor;
  }

  MediaEngineCounters counters() {
    return counters;
  }

  java.time.Duration consentTimeout() {
    return consentTimeout;
  }

  /** A scratch array for one outgoing RTP packet at a time, with SRTP headroom; loop only. */
  byte[] sendBuffer() {
    return sendBuffer;
  }

  /** A scratch array for one outgoing RTCP packet at a time, with SRTCP headroom; loop only. */
  byte[] rtcpBuffer() {
    return rtcpBuffer;
  }

  SecureRandom random() {
    return random;
  }

  String randomId(String prefix) {
    byte[] b = new byte[9];
    random.nextBytes(b);
    return prefix + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  void register(WebRtcTransport t) {
    transportsByUfrag.put(t.localUfrag(), t);
  }

  void unregister(WebRtcTransport t) {
    transportsByUfrag.remove(t.localUfrag(), t);
    transportsByAddress.values().removeIf(x -> x == t);
  }

  void removeRouter(Router r) {
    routers.remove(r);
  }

  void send(byte[] buf, int off, int len, InetSocketAddress to) {
    socket.send(buf, off, len, to);
  }

  void sendFromAnyThread(byte[] buf, int off, int len, InetSocketAddress to) {
    socket.sendFromAnyThread(buf, off, len, to);
  }

  // ---- the packet path ----

  private void onDatagram(byte[] buf, int len, InetSocketAddress sender) {
    switch (PacketKind.of(buf, 0, len)) {
      case STUN -> onStun(buf, len, sender);
      case DTLS -> {
        WebRtcTransport t = transportsByAddress.get(sender);
        if (t == null) {
          counters.increment(MediaCounter.UNKNOWN_SOURCE_DROPPED);
        } else {
          counters.increment(MediaCounter.DTLS_RECORDS);
          t.onDtls(buf, 0, len);
        }
      }
      case RTP -> {
        WebRtcTransport t = transportsByAddress.get(sender);
        if (t == null) {
          counters.increment(MediaCounter.UNKNOWN_SOURCE_DROPPED);
        } else {
          t.onSrtp(buf, len);
        }
      }
      case RTCP -> {
        WebRtcTransport t = transportsByAddress.get(sender);
        if (t == null) {
          counters.increment(MediaCounter.UNKNOWN_SOURCE_DROPPED);
        } else {
          t.onSrtcp(buf, len);
        }
      }
      case UNKNOWN -> counters.increment(MediaCounter.UNKNOWN_PROTOCOL_DROPPED);
    }
  }

  /** RFC 8445 §7.3 (responding to a check, as a lite agent) and RFC 8489 §6.3. */
  private void onStun(byte[] buf, int len, InetSocketAddress sender) {
    StunMessage request;
    try {
      request = StunMessage.parse(buf, 0, len);
    } catch (StunParseException e) {
      counters.increment(MediaCounter.STUN_MALFORMED);
      return;
    }
    if (request.method() != STUN_BINDING || request.messageClass() != StunClass.REQUEST) {
      // Indications (keepalives) and stray responses need no answer.
      return;
    }
    String username = request.username();
    WebRtcTransport t = null;
    if (username != null) {
      int colon = username.indexOf(':');
      t = transportsByUfrag.get(colon < 0 ? username : username.substring(0, colon));
    }
    if (t == null || !request.hasMessageIntegrity()
        || !request.verifyMessageIntegrity(t.localPasswordBytes())
        || (request.hasFingerprint() && !request.verifyFingerprint())) {
      // RFC 8489 §9.1.3: a request that fails the short-term credential check gets 401 (or 400
      // without credentials); we answer neither, so a stranger learns nothing from this port.
      counters.increment(MediaCounter.STUN_REJECTED);
      return;
    }
    if (request.unknownRequiredAttributes().length > 0) {
      byte[] error = new StunMessageBuilder(STUN_BINDING, StunClass.ERROR_RESPONSE,
          request.transactionId())
          .errorCode(420, "Unknown Attribute")
          .build(t.localPasswordBytes(), true);
      send(error, 0, error.length, sender);
      counters.increment(MediaCounter.STUN_REJECTED);
      return;
    }
    byte[] response = new StunMessageBuilder(STUN_BINDING, StunClass.SUCCESS_RESPONSE,
        request.transactionId())
        .xorMappedAddress(sender)
        .build(t.localPasswordBytes(), true);
    send(response, 0, response.length, sender);
    counters.increment(MediaCounter.STUN_REQUESTS);
    WebRtcTransport previous = transportsByAddress.put(sender, t);
    if (previous != null && previous != t) {
      // The same 5-tuple now belongs to another transport (a client reused a port).
      previous.forgetAddress(sender);
    }
    t.onValidBindingRequest(sender, request.useCandidate(), System.nanoTime());
  }

  /** Transport-cc feedback, every 50 ms; allocates nothing. */
  private void feedbackTick() {
    for (int i = 0, n = routers.size(); i < n; i++) {
      Router r = routers.get(i);
      try {
        r.feedbackTick();
      } catch (RuntimeException e) {
        // An exception would cancel the periodic task for every router: count and go on.
        counters.increment(MediaCounter.INTERNAL_ERRORS);
        log.error("transport-cc feedback of router {} failed", r.id(), e);
      }
    }
  }

  private void tick() {
    long now = System.nanoTime();
    for (Router r : List.copyOf(routers)) {
      try {
        r.tick(now);
      } catch (RuntimeException e) {
        // An exception would cancel the periodic task for every router: count and go on.
        counters.increment(MediaCounter.INTERNAL_ERRORS);
        log.error("periodic work of router {} failed", r.id(), e);
      }
    }
  }
}
