package io.kaihui.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * What a test's Bouncy Castle DTLS client ({@link DtlsSrtpTestClient}) reads and writes: the
 * server's DTLS datagrams, {@linkplain #deliver delivered} into a queue by whoever receives them
 * (an in-memory server, or a PeerConnection's receive thread demultiplexing by first byte 20..63,
 * RFC 7983), and, for sending, a {@link Sender} towards the server.
 *
 * <p>Thread-safe: one thread delivers while the handshake thread receives and sends.
 */
public final class ClientDatagramTransport implements DatagramTransport {

  /** Where the client's datagrams go: one call per datagram. */
  @FunctionalInterface
  public interface Sender {

    /**
     * Sends {@code len} bytes of {@code buf} from {@code off}; the buffer is reused afterwards.
     *
     * @throws IOException if the datagram cannot be sent
     */
    void send(byte[] buf, int off, int len) throws IOException;
  }

  private static final byte[] CLOSED = new byte[0];

  private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(256);
  private final Sender toServer;
  private volatile boolean closed;

  /**
   * @param toServer where the client's datagrams go
   */
  public ClientDatagramTransport(Sender toServer) {
    this.toServer = toServer;
  }

  /**
   * Queues a copy of a datagram from the server; drops it when the queue (256 datagrams) is full
   * or the transport closed.
   */
  public void deliver(byte[] buf, int off, int len) {
    if (!closed) {
      byte[] copy = new byte[len];
      System.arraycopy(buf, off, copy, 0, len);
      inbound.offer(copy);
    }
  }

  @Override
  public int getReceiveLimit() {
    return 1500;
  }

  @Override
  public int getSendLimit() {
    return 1200;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    if (closed) {
      throw new InterruptedIOException("closed");
    }
    byte[] d;
    try {
      d = inbound.poll(waitMillis > 0 ? waitMillis : 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
    if (d == null) {
      return -1;
    }
    if (d == CLOSED || closed) {
      throw new InterruptedIOException("closed");
    }
    int n = Math.min(len, d.length);
    System.arraycopy(d, 0, buf, off, n);
    return n;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (!closed) {
      toServer.send(buf, off, len);
    }
  }

  /** Closes the transport: a blocked or later {@link #receive} throws, sends are dropped. */
  @Override
  public void close() {
    closed = true;
    inbound.clear();
    inbound.offer(CLOSED);
  }
}
