package io.kaihui.media.dtls;

import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fingerprint the remote SDP announced, handed from the signalling thread to the handshake
 * thread. The browser's ClientHello may arrive before its SDP answer has been applied, so the
 * handshake waits for it (until its deadline) when the client certificate arrives.
 */
final class RemoteFingerprint {

  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile CertificateFingerprint value;

  /** Sets (or replaces) the fingerprint and wakes a waiting handshake. */
  void set(CertificateFingerprint fingerprint) {
    value = fingerprint;
    ready.countDown();
  }

  /** Wakes a waiting handshake without a fingerprint: the transport is closing. */
  void cancel() {
    ready.countDown();
  }

  /**
   * Waits until the fingerprint is set or cancelled, or {@code deadlineNanos} (by
   * {@link System#nanoTime()}) passes.
   *
   * @return the fingerprint, or null if none came
   * @throws InterruptedIOException if the thread is interrupted
   */
  CertificateFingerprint await(long deadlineNanos) throws InterruptedIOException {
    try {
      ready.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the remote fingerprint");
    }
    return value;
  }
}
