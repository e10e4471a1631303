package io.kaihui.media.dtls;

import io.kaihui.media.srtp.SrtpKeys;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTLS 1.2 server of one WebRTC transport (RFC 6347) that agrees SRTP keys with the browser
 * (DTLS-SRTP, RFC 5764; WebRTC's use of it, RFC 8827 §6.5). Kaihui is always the DTLS server: it
 * answers {@code a=setup:passive}, or offers {@code actpass} and the browser answers
 * {@code active} (RFC 5763 §5).
 *
 * <p>Usage: create it, {@link #setRemoteFingerprint set the fingerprint} from the remote SDP's
 * {@code a=fingerprint}, {@link #start()} it, and feed it every DTLS datagram of the transport's
 * 5-tuple with {@link #receive}. It sends through {@link Listener#onDtlsSend}. Once the handshake
 * is done it calls {@link Listener#onDtlsConnected} with the SRTP keys; on failure (including no
 * success within 30 s) {@link Listener#onDtlsFailed}; when the browser sends close_notify after
 * the handshake, {@link Listener#onDtlsClosed}. At most one of the last two is called, and
 * neither after {@link #close()}.
 *
 * <p>Threads: Bouncy Castle's DTLS engine blocks, so the handshake — and afterwards a loop that
 * keeps reading, so BC answers a retransmitted client Finished and sees close_notify — runs as
 * one task on the executor given (a virtual thread in production). {@link #receive} is called on
 * the network event loop: it copies the datagram into a bounded queue, never blocks, and drops
 * (and counts) what does not fit. The listener is called on the handshake thread, or for
 * {@link Listener#onDtlsSend} also on the thread calling {@link #close()}; it hops to its own
 * loop as needed. Nothing is logged per datagram: one line per handshake outcome.
 */
public final class DtlsServerTransport implements AutoCloseable {

  /** Events of a DTLS server transport. */
  public interface Listener {
    /**
     * Sends one DTLS datagram to the peer. Called on the handshake thread or the closing thread;
     * the array is reused after the call returns, so copy it if sending later.
     *
     * @param data the array holding the datagram
     * @param off where it starts
     * @param len its length in bytes, at most {@link DtlsServerTransport#MTU}
     */
    void onDtlsSend(byte[] data, int off, int len);

    /**
     * The handshake completed with a client whose certificate matched the remote fingerprint.
     *
     * @param keys the SRTP keys: local = server write key and salt, remote = client write key
     *     and salt (RFC 5764 §4.2)
     */
    void onDtlsConnected(SrtpKeys keys);

    /**
     * The handshake failed or timed out; the transport is finished.
     *
     * @param reason a short English reason, such as
     *     {@code client certificate does not match the sha-256 fingerprint from SDP}
     */
    void onDtlsFailed(String reason);

    /** After the handshake the peer closed DTLS (close_notify, or a fatal alert). */
    void onDtlsClosed();
  }

  /** The largest datagram sent, in bytes: a DTLS path MTU that fits any real path. */
  public static final int MTU = 1200;

  /**
   * The largest datagram accepted, in bytes. Larger than {@link #MTU} because some DTLS stacks
   * (NSS) size their flights for an Ethernet path; accepting more costs nothing.
   */
  public static final int RECEIVE_LIMIT = 1500;

  /** How many received datagrams may wait for the handshake thread; more are dropped. */
  public static final int QUEUE_CAPACITY = 64;

  /** The longest a handshake may take from {@link #start()}. */
  public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

  /** How long the post-handshake reader waits per receive before rechecking its state, in ms. */
  private static final int READ_WAIT_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(DtlsServerTransport.class);

  private final DtlsCertificate certificate;
  private final Listener listener;
  private final Executor handshakeExecutor;
  private final Duration handshakeTimeout;
  private final RemoteFingerprint remoteFingerprint = new RemoteFingerprint();
  private final QueuedDatagramTransport datagrams;
  private final AtomicLong datagramsReceived = new AtomicLong();
  private final AtomicLong datagramsDropped = new AtomicLong();
  private final AtomicLong handshakeFailures = new AtomicLong();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Object lock = new Object();

  // Guarded by lock.
  private boolean started;
  private boolean closeRequested;
  private DTLSTransport connection;

  /**
   * Creates a transport with the standard {@link #HANDSHAKE_TIMEOUT}.
   *
   * @param certificate the server certificate presented to the browser
   * @param listener receives datagrams to send and the outcome
   * @param handshakeExecutor runs the blocking handshake and reader; one task per transport
   *     (a virtual-thread-per-task executor in production)
   */
  public DtlsServerTransport(
      DtlsCertificate certificate, Listener listener, Executor handshakeExecutor) {
    this(certificate, listener, handshakeExecutor, HANDSHAKE_TIMEOUT);
  }

  /**
   * As the public constructor, with another handshake timeout (tests).
   *
   * @param certificate the server certificate presented to the browser
   * @param listener receives datagrams to send and the outcome
   * @param handshakeExecutor runs the blocking handshake and reader
   * @param handshakeTimeout the longest a handshake may take from {@link #start()}
   */
  DtlsServerTransport(DtlsCertificate certificate, Listener listener, Executor handshakeExecutor,
      Duration handshakeTimeout) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.handshakeExecutor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
    this.handshakeTimeout = Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    this.datagrams =
        new QueuedDatagramTransport(QUEUE_CAPACITY, MTU, RECEIVE_LIMIT, listener::onDtlsSend);
  }

  /**
   * Sets the fingerprint the client's certificate must have, from the remote SDP's
   * {@code a=fingerprint:<algorithm> <fingerprint>} (RFC 8122 §5). May be called before or after
   * {@link #start()}: if the client certificate arrives first, the handshake waits for it (up to
   * its deadline). A later call replaces the value for handshakes not yet at that point.
   *
   * @param algorithm the hash function name, such as {@code sha-256} (any case; SHA-1 and the
   *     SHA-2 family are accepted)
   * @param fingerprint uppercase or lowercase hex pairs joined by colons
   * @throws IllegalArgumentException if the algorithm is unsupported or the fingerprint malformed
   * @throws NullPointerException if an argument is null
   */
  public void setRemoteFingerprint(String algorithm, String fingerprint) {
    remoteFingerprint.set(CertificateFingerprint.parse(algorithm, fingerprint));
  }

  /**
   * Starts the handshake on the executor; the 30-second deadline runs from now. Does nothing if
   * the transport is already closed.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {
    DtlsSrtpServer server;
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("DTLS transport already started");
      }
      started = true;
      if (closeRequested) {
        return;
      }
      long deadline = System.nanoTime() + handshakeTimeout.toNanos();
      datagrams.setHandshakeDeadline(deadline);
      server = new DtlsSrtpServer(certificate, remoteFingerprint, deadline,
          (int) Math.min(Integer.MAX_VALUE, handshakeTimeout.toMillis()));
    }
    try {
      handshakeExecutor.execute(() -> run(server));
    } catch (RejectedExecutionException e) {
      fail("handshake executor rejected the task");
    }
  }

  /**
   * Hands one received DTLS datagram (first byte 20..63, RFC 7983) to the transport. Copies it;
   * never blocks and never throws for any content: a datagram that does not fit the queue, is
   * larger than {@link #RECEIVE_LIMIT}, or arrives after close is dropped and counted. Called on
   * the network event loop.
   *
   * @param buf the array holding the datagram
   * @param off where it starts
   * @param len its length in bytes
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code buf}
   */
  public void receive(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    datagramsReceived.incrementAndGet();
    if (!datagrams.offer(buf, off, len)) {
      datagramsDropped.incrementAndGet();
    }
  }

  /**
   * Closes the transport: sends close_notify if the handshake completed, and ends the handshake
   * or reader task soon. No listener outcome is called afterwards. Idempotent; does not block on
   * the handshake thread.
   */
  @Override
  public void close() {
    DTLSTransport open;
    synchronized (lock) {
      if (closeRequested) {
        return;
      }
      closeRequested = true;
      open = connection;
    }
    if (open != null) {
      closeQuietly(open);
    }
    remoteFingerprint.cancel();
    datagrams.close();
  }

  /** Datagrams handed to {@link #receive}, including dropped ones. */
  public long datagramsReceived() {
    return datagramsReceived.get();
  }

  /** Datagrams dropped: queue full, larger than {@link #RECEIVE_LIMIT}, or after close. */
  public long datagramsDropped() {
    return datagramsDropped.get();
  }

  /** Handshakes that failed or timed out (0 or 1: one handshake per transport). */
  public long handshakeFailures() {
    return handshakeFailures.get();
  }

  /** The handshake task, then the reader loop, on the executor's thread. */
  private void run(DtlsSrtpServer server) {
    long startNanos = System.nanoTime();
    DTLSTransport dtls;
    SrtpKeys keys;
    try {
      DTLSServerProtocol protocol = new DTLSServerProtocol();
      // ICE (RFC 8445) already proved the client owns its address, so skip the cookie round
      // trip of RFC 6347 §4.2.1.
      protocol.setVerifyRequests(false);
      dtls = protocol.accept(server, datagrams);
      keys = server.srtpKeys();
    } catch (IOException | RuntimeException e) {
      if (!isCloseRequested()) {
        fail(reasonFor(e, server));
      }
      return;
    }
    if (keys == null) {
      // BC completed without calling notifyHandshakeComplete: never expected.
      closeQuietly(dtls);
      fail("handshake completed without SRTP keys");
      return;
    }
    datagrams.handshakeDone();
    boolean open;
    synchronized (lock) {
      open = !closeRequested;
      if (open) {
        connection = dtls;
      }
    }
    if (!open) {
      // close() came during the last step and found no connection to close: say goodbye here.
      closeQuietly(dtls);
      return;
    }
    LOG.info("DTLS connected in {} ms: {}, SRTP {}",
        (System.nanoTime() - startNanos) / 1_000_000, server.cipherSuiteName(), keys.profile());
    try {
      listener.onDtlsConnected(keys);
    } catch (RuntimeException e) {
      LOG.warn("DTLS listener failed in onDtlsConnected", e);
    }
    readUntilClosed(dtls, server);
  }

  /**
   * Keeps reading after the handshake: BC retransmits its last flight if the client repeats its
   * Finished, and sees close_notify. Application data is not used (no data channels) and ignored.
   */
  private void readUntilClosed(DTLSTransport dtls, DtlsSrtpServer server) {
    byte[] buf = new byte[RECEIVE_LIMIT];
    String ended = "close_notify";
    try {
      while (!isCloseRequested() && !server.closeNotifyReceived()) {
        dtls.receive(buf, 0, buf.length, READ_WAIT_MILLIS);
      }
    } catch (InterruptedIOException e) {
      // The transport was closed: by us, or by BC after close_notify.
    } catch (IOException | RuntimeException e) {
      ended = e instanceof TlsFatalAlertReceived r
          ? "fatal alert " + AlertDescription.getText(r.getAlertDescription())
          : e.toString();
    }
    if (!isCloseRequested() && finished.compareAndSet(false, true)) {
      LOG.info("DTLS closed by peer: {}", ended);
      try {
        listener.onDtlsClosed();
      } catch (RuntimeException e) {
        LOG.warn("DTLS listener failed in onDtlsClosed", e);
      }
    }
    datagrams.close();
  }

  private void fail(String reason) {
    if (finished.compareAndSet(false, true)) {
      handshakeFailures.incrementAndGet();
      LOG.info("DTLS handshake failed: {}", reason);
      datagrams.close();
      try {
        listener.onDtlsFailed(reason);
      } catch (RuntimeException e) {
        LOG.warn("DTLS listener failed in onDtlsFailed", e);
      }
    }
  }

  private String reasonFor(Exception e, DtlsSrtpServer server) {
    if (e instanceof TlsTimeoutException) {
      long ms = handshakeTimeout.toMillis();
      return "handshake timed out after " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
    String refused = server.failureReason();
    if (refused != null) {
      return refused;
    }
    if (e instanceof TlsFatalAlertReceived r) {
      return "client sent fatal alert " + AlertDescription.getText(r.getAlertDescription());
    }
    if (e instanceof TlsFatalAlert a) {
      return "fatal alert " + AlertDescription.getText(a.getAlertDescription())
          + (a.getMessage() != null ? ": " + a.getMessage() : "");
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private boolean isCloseRequested() {
    synchronized (lock) {
      return closeRequested;
    }
  }

  private static void closeQuietly(DTLSTransport dtls) {
    try {
      dtls.close();
    } catch (IOException e) {
      // Closing only sends close_notify; if that fails the peer learns by consent expiry.
    }
  }
}
