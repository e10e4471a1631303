package io.kaihui.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteFingerprintTest {

  private static final CertificateFingerprint FINGERPRINT =
      CertificateFingerprint.of("sha-256", new byte[] {1, 2, 3});

  @Test
  void returnsAFingerprintSetEarlier() throws Exception {
    RemoteFingerprint remote = new RemoteFingerprint();
    remote.set(FINGERPRINT);

    assertThat(remote.await(System.nanoTime())).isEqualTo(FINGERPRINT);
  }

  @Test
  void waitsForAFingerprintSetLater() throws Exception {
    RemoteFingerprint remote = new RemoteFingerprint();
    CompletableFuture<CertificateFingerprint> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return remote.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
      } catch (java.io.InterruptedIOException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(50);
    assertThat(waiting).isNotDone();

    remote.set(FINGERPRINT);

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(FINGERPRINT);
  }

  @Test
  void givesUpAtTheDeadlineOrOnCancel() throws Exception {
    RemoteFingerprint remote = new RemoteFingerprint();
    long start = System.nanoTime();

    assertThat(remote.await(start + TimeUnit.MILLISECONDS.toNanos(100))).isNull();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));

    remote.cancel();
    assertThat(remote.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(10))).isNull();
  }
}
