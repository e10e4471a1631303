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
import java.util.function.Consumer;

/**
 * The ICE agent of a synthetic PeerConnection, controlling as a browser always is towards an
 * ICE-lite server (RFC 8445 §2.5, §6.1.1), with one candidate pair: its socket and the server's
 * host candidate.
 *
 * <p>{@link #tick()}, called every {@link #CHECK_PERIOD_MS} ms, sends a Binding Request (RFC 8445
 * §7.1.1, §7.2.2: USERNAME {@code serverUfrag:localUfrag}, PRIORITY, ICE-CONTROLLING,
 * USE-CANDIDATE, MESSAGE-INTEGRITY keyed with the server's password, FINGERPRINT) until an
 * authentic success response comes back, then one every consent interval without USE-CANDIDATE
 * (RFC 7675 §5.1) while consent checks are on.
 *
 * <p>Thread-safe: ticks on the owner's scheduler, responses on its receive thread.
 */
final class ControllingIceAgent {

  /** Time between connectivity checks until the first success (Chromium's pace), in ms. */
  static final long CHECK_PERIOD_MS = 50;

  private static final String ICE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
  /** RFC 8445 §5.1.2.1: peer-reflexive type preference 110, local preference 65535, RTP. */
  private static final long PRFLX_PRIORITY = (110L << 24) | (65535L << 8) | 255;
  private static final long FORGET_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Consumer<byte[]> sender;
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
  private volatile Duration consentInterval = SyntheticPeerConnection.DEFAULT_CONSENT_INTERVAL;
  private volatile boolean consentChecks = true;
  private volatile long lastCheckNanos;

  /**
   * @param sender sends a datagram to the server's candidate
   * @param random for credentials, tie-breaker and transaction ids
   */
  ControllingIceAgent(Consumer<byte[]> sender, SecureRandom random) {
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

  /** Starts checking the server's candidate from the next {@link #tick()}. */
  void start(ServerIceParameters server) {
    this.server = server;
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
   * Handles a STUN datagram from the server: a response to one of our checks (RFC 8489 §6.3.3,
   * §9.1.4), or a check of its own, which a full ICE agent such as Janus sends (an ICE-lite
   * server never does) and which gets a success response (RFC 8445 §7.3).
   */
  void onStun(byte[] buf, int len) {
    ServerIceParameters s = server;
    StunMessage m;
    try {
      m = StunMessage.parse(buf, 0, len);
    } catch (StunParseException e) {
      otherStun.incrementAndGet();
      return;
    }
    if (m.messageClass() == StunClass.REQUEST && m.method() == StunMessage.BINDING) {
      answerCheck(m, s);
      return;
    }
    boolean ours = outstanding.remove(HexFormat.of().formatHex(m.transactionId())) != null;
    if (s == null || !ours || m.messageClass() != StunClass.SUCCESS_RESPONSE
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
   * and MESSAGE-INTEGRITY keyed with our password (RFC 8445 §7.2.2); the success response
   * carries the peer's address as XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT.
   */
  private void answerCheck(StunMessage m, ServerIceParameters s) {
    byte[] key = password.getBytes(StandardCharsets.UTF_8);
    if (s == null || !(ufrag + ":" + s.ufrag()).equals(m.username())
        || !m.hasMessageIntegrity() || !m.verifyMessageIntegrity(key)) {
      otherStun.incrementAndGet();
      return;
    }
    checksAnswered.incrementAndGet();
    sender.accept(new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
        m.transactionId()).xorMappedAddress(s.address()).build(key, true));
  }

  private void sendCheck(ServerIceParameters s, boolean nominate, long now) {
    byte[] transactionId = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    random.nextBytes(transactionId);
    StunMessageBuilder b = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST,
        transactionId)
        .username(s.ufrag() + ":" + ufrag)
        .iceControlling(tieBreaker)
        .priority(PRFLX_PRIORITY);
    if (nominate) {
      b.useCandidate();
    }
    byte[] request = b.build(s.password().getBytes(StandardCharsets.UTF_8), true);
    outstanding.put(HexFormat.of().formatHex(transactionId), now);
    lastCheckNanos = now;
    checksSent.incrementAndGet();
    sender.accept(request);
  }

  private String randomIceString(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return sb.toString();
  }
}
