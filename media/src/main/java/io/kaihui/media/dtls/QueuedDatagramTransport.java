package io.kaihui.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The datagram transport under Bouncy Castle's blocking DTLS engine: the network event loop
 * {@linkplain #offer offers} copies of DTLS datagrams into a bounded queue without ever blocking,
 * and the handshake thread takes them in {@link #receive}. What DTLS sends goes straight to a
 * {@link Sender}.
 *
 * <p>Until {@link #handshakeDone()}, receiving past the handshake deadline throws
 * {@link TlsTimeoutException}, whatever wait BC asks for. After {@link #close()}, receiving throws
 * {@link InterruptedIOException} — the exception BC passes up without raising an alert — and
 * sending drops the datagram.
 */
final class QueuedDatagramTransport implements DatagramTransport {

  /** Where DTLS datagrams go out. */
  interface Sender {
    /** Sends {@code len} bytes of {@code data} from {@code off} to the peer. */
    void send(byte[] data, int off, int len);
  }

  /** Taken from the queue to wake the reading thread when the transport closes. */
  private static final byte[] CLOSED = new byte[0];

  private final BlockingQueue<byte[]> queue;
  private final Sender sender;
  private final int sendLimit;
  private final int receiveLimit;
  private volatile long handshakeDeadlineNanos;
  private volatile boolean handshakeDone;
  private volatile boolean closed;

  /**
   * Creates an open transport with no handshake deadline yet.
   *
   * @param capacity how many datagrams may wait to be read
   * @param sendLimit the largest datagram to send, in bytes (the DTLS path MTU)
   * @param receiveLimit the largest datagram accepted, in bytes
   * @param sender where sent datagrams go
   */
  QueuedDatagramTransport(int capacity, int sendLimit, int receiveLimit, Sender sender) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.sendLimit = sendLimit;
    this.receiveLimit = receiveLimit;
    this.sender = sender;
    this.handshakeDeadlineNanos = Long.MAX_VALUE;
  }

  /** Sets the instant (by {@link System#nanoTime()}) the handshake must be done by. */
  void setHandshakeDeadline(long deadlineNanos) {
    this.handshakeDeadlineNanos = deadlineNanos;
  }

  /** The handshake succeeded: no deadline from now on. */
  void handshakeDone() {
    this.handshakeDone = true;
  }

  /**
   * Queues a copy of one received datagram. Never blocks.
   *
   * @return false if the datagram was dropped: the transport is closed, the datagram is empty or
   *     larger than the receive limit, or the queue is full
   */
  boolean offer(byte[] buf, int off, int len) {
    if (closed || len <= 0 || len > receiveLimit) {
      return false;
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    return queue.offer(copy);
  }

  @Override
  public int getReceiveLimit() {
    return receiveLimit;
  }

  @Override
  public int getSendLimit() {
    return sendLimit;
  }

  /**
   * Takes the next datagram, waiting up to {@code waitMillis} (0: no limit but the handshake
   * deadline). A datagram longer than {@code len} is cut short, which BC then discards as a
   * malformed record.
   *
   * @return the datagram's length, or -1 if none came in time
   * @throws TlsTimeoutException if the handshake deadline has passed
   * @throws InterruptedIOException if the transport is closed or the thread interrupted
   */
  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    if (closed) {
      throw new InterruptedIOException("DTLS transport closed");
    }
    long waitNanos = waitMillis > 0 ? TimeUnit.MILLISECONDS.toNanos(waitMillis) : Long.MAX_VALUE;
    if (!handshakeDone) {
      long remaining = handshakeDeadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        throw new TlsTimeoutException("DTLS handshake timed out");
      }
      waitNanos = Math.min(waitNanos, remaining);
    }
    byte[] datagram;
    try {
      datagram = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
    }
    if (datagram == null) {
      return -1;
    }
    if (datagram == CLOSED || closed) {
      throw new InterruptedIOException("DTLS transport closed");
    }
    int n = Math.min(datagram.length, len);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  /** Hands the datagram to the {@link Sender}, or drops it if the transport is closed. */
  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closed) {
      return;
    }
    try {
      sender.send(buf, off, len);
    } catch (RuntimeException e) {
      throw new IOException("sending a DTLS datagram failed", e);
    }
  }

  /** Closes the transport and wakes the reading thread. Idempotent; never blocks. */
  @Override
  public void close() {
    closed = true;
    queue.clear();
    queue.offer(CLOSED);
  }
}
