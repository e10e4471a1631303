package io.kaihui.media.testing;

import io.kaihui.media.stun.StunClass;
import io.kaihui.media.stun.StunMessage;
import io.kaihui.media.stun.StunMessageBuilder;
import io.kaihui.media.stun.StunParseException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ICE agent of a synthetic PeerConnection, with one candidate pair: its socket and the
 * peer's first UDP host candidate. It is controlling as a browser is towards an ICE-lite server
 * or whenever it made the offer, and controlled when it answers a full agent's offer (RFC 8445
 * §6.1.1), as towards Janus's subscriber offers.
 *
 * <p>{@link #tick()}, called every {@link #CHECK_PERIOD_MS} ms, sends a Binding Request (RFC 8445
 * §7.1.1, §7.2.2: USERNAME {@code peerUfrag:localUfrag}, PRIORITY, ICE-CONTROLLING with
 * USE-CANDIDATE (aggressive nomination, as Chromium towards a lite server) or ICE-CONTROLLED,
 * MESSAGE-INTEGRITY keyed with the peer's password, FINGERPRINT) until an authentic success
 * response comes back, then one every consent interval without USE-CANDIDATE (RFC 7675 §5.1)
 * while consent checks are on. A controlled agent counts as connected at its first success too:
 * with one pair there is nothing else the controlling peer could nominate.
 *
 * <p>A full agent's own checks are answered from the moment the local credentials exist, from
 * whatever address they come (RFC 8445 §7.3: a check may arrive before the peer's description,
 * and its source is then a peer-reflexive candidate); the response goes back to that address.
 *
 * <p>Thread-safe: ticks on the owner's scheduler, responses on its receive thread.
 */
final class IceAgent {

  /** Sends a datagram from the agent's socket. */
  @FunctionalInterface
  interface Sender {
    /**
     * @param datagram the STUN message
     * @param to where to: the peer's candidate, or the source of a check being answered
     */
    void send(byte[] datagram, InetSocketAddress to);
  }

  /** Which agent nominates (RFC 8445 §6.1.1). */
  enum Role {
    /** Sends ICE-CONTROLLING and USE-CANDIDATE: the offerer, or any peer of a lite server. */
    CONTROLLING,
    /** Sends ICE-CONTROLLED: the answerer of a full agent's offer. */
    CONTROLLED
  }

  /** Time between connectivity checks until the first success (Chromium's pace), in ms. */
  static final long CHECK_PERIOD_MS = 50;

  private static final String ICE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
  /** RFC 8445 §5.1.2.1: peer-reflexive type preference 110, local preference 65535, RTP. */
  private static final long PRFLX_PRIORITY = (110L << 24) | (65535L << 8) | 255;
  private static final long FORGET_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Sender sender;
  private final SecureRandom random;
  private final String ufrag;
  private final String password;
  private final long tieBreaker;
  private final Map<String, Long> outstanding = new ConcurrentHashMap<>();
  private final CompletableFuture<InetSocketAddress> connected = new CompletableFuture<>();
  private final AtomicLong checksSent = new AtomicLong();
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong otherStun = new AtomicLong();
  private final AtomicLong checksAnswered = new AtomicLong();
  private volatile ServerIceParameters server;
  private volatile Role role = Role.CONTROLLING;
  private volatile Duration consentInterval = SyntheticPeerConnection.DEFAULT_CONSENT_INTERVAL;
  private volatile boolean consentChecks = true;
  private volatile long lastCheckNanos;

  /**
   * @param sender sends a datagram
   * @param random for credentials, tie-breaker and transaction ids
   */
  IceAgent(Sender sender, SecureRandom random) {
    this.sender = sender;
    this.random = random;
    this.ufrag = randomIceString(4);
    this.password = randomIceString(24);
    this.tieBreaker = random.nextLong();
  }

  /** The local ufrag, 4 ice-chars as Chromium makes them. */
  String ufrag() {
    return ufrag;
  }

  /** The local password, 24 ice-chars. */
  String password() {
    return password;
  }

  /**
   * Starts checking the peer's candidate from the next {@link #tick()}.
   *
   * @param peer the peer's credentials and candidate
   * @param role this agent's role
   */
  void start(ServerIceParameters peer, Role role) {
    this.role = role;
    this.server = peer;
  }

  /** This agent's role (controlling until started otherwise). */
  Role role() {
    return role;
  }

  /** Completes with our address as the server saw it, at the first authentic success. */
  CompletableFuture<InetSocketAddress> connected() {
    return connected;
  }

  /** Sets the time between consent checks once connected. */
  void setConsentInterval(Duration interval) {
    this.consentInterval = interval;
  }

  /** Starts or stops the consent checks; checks before the first success are not affected. */
  void setConsentChecks(boolean on) {
    this.consentChecks = on;
  }

  /** Binding Requests sent. */
  long checksSent() {
    return checksSent.get();
  }

  /** Authentic success responses to our checks. */
  long successes() {
    return successes.get();
  }

  /** The peer's authentic Binding Requests answered (a full ICE agent's own checks). */
  long checksAnswered() {
    return checksAnswered.get();
  }

  /** Other STUN: unparseable, unsolicited, error or unauthentic responses or requests. */
  long otherStun() {
    return otherStun.get();
  }

  /** Sends a check if one is due. */
  void tick() {
    ServerIceParameters s = server;
    if (s == null) {
      return;
    }
    long now = System.nanoTime();
    outstanding.values().removeIf(sent -> now - sent > FORGET_CHECK_NANOS);
    if (!connected.isDone()) {
      sendCheck(s, true, now);
    } else if (consentChecks && now - lastCheckNanos >= consentInterval.toNanos()) {
      sendCheck(s, false, now);
    }
  }

  /**
   * Handles a STUN datagram: a response to one of our checks (RFC 8489 §6.3.3, §9.1.4), or a
   * check of the peer's own, which a full ICE agent such as Janus sends (an ICE-lite server
   * never does) and which gets a success response (RFC 8445 §7.3).
   *
   * @param buf the datagram
   * @param len its length
   * @param from where it came from; responses to our checks count only from the peer's
   *     candidate
   */
  void onStun(byte[] buf, int len, InetSocketAddress from) {
    ServerIceParameters s = server;
    StunMessage m;
    try {
      m = StunMessage.parse(buf, 0, len);
    } catch (StunParseException e) {
      otherStun.incrementAndGet();
      return;
    }
    if (m.messageClass() == StunClass.REQUEST && m.method() == StunMessage.BINDING) {
      answerCheck(m, s, from);
      return;
    }
    boolean ours = outstanding.remove(HexFormat.of().formatHex(m.transactionId())) != null;
    if (s == null || !ours || !s.address().equals(from) || m.messageClass() != StunClass.SUCCESS_RESPONSE
        || m.method() != StunMessage.BINDING || !m.hasMessageIntegrity()
        || !m.verifyMessageIntegrity(s.password().getBytes(StandardCharsets.UTF_8))
        || !m.hasFingerprint() || !m.verifyFingerprint()) {
      otherStun.incrementAndGet();
      return;
    }
    successes.incrementAndGet();
    connected.complete(m.xorMappedAddress());
  }

  /**
   * Answers the peer's Binding Request when it is authentic: USERNAME {@code localUfrag:peerUfrag}
   * (any peer ufrag while the peer's description is not known yet) and MESSAGE-INTEGRITY keyed
   * with our password (RFC 8445 §7.2.2); the success response goes back to the request's source
   * with that address as XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT.
   */
  private void answerCheck(StunMessage m, ServerIceParameters s, InetSocketAddress from) {
    byte[] key = password.getBytes(StandardCharsets.UTF_8);
    String username = m.username();
    boolean userOk = username != null && (s == null
        ? username.startsWith(ufrag + ":") && username.length() > ufrag.length() + 1
        : username.equals(ufrag + ":" + s.ufrag()));
    if (!userOk || !m.hasMessageIntegrity() || !m.verifyMessageIntegrity(key)) {
      otherStun.incrementAndGet();
      return;
    }
    checksAnswered.incrementAndGet();
    sender.send(new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
        m.transactionId()).xorMappedAddress(from).build(key, true), from);
  }

  private void sendCheck(ServerIceParameters s, boolean nominate, long now) {
    byte[] transactionId = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    random.nextBytes(transactionId);
    StunMessageBuilder b = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST,
        transactionId)
        .username(s.ufrag() + ":" + ufrag)
        .priority(PRFLX_PRIORITY);
    if (role == Role.CONTROLLED) {
      b.iceControlled(tieBreaker);
    } else {
      b.iceControlling(tieBreaker);
      if (nominate) {
        b.useCandidate();
      }
    }
    byte[] request = b.build(s.password().getBytes(StandardCharsets.UTF_8), true);
    outstanding.put(HexFormat.of().formatHex(transactionId), now);
    lastCheckNanos = now;
    checksSent.incrementAndGet();
    sender.send(request, s.address());
  }

  private String randomIceString(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return sb.toString();
  }
}
