package io.kaihui.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.TlsTimeoutException;
import org.junit.jupiter.api.Test;

class QueuedDatagramTransportTest {

  private final List<byte[]> sent = new ArrayList<>();
  private final QueuedDatagramTransport transport = new QueuedDatagramTransport(4, 1200, 1500,
      (data, off, len) -> sent.add(java.util.Arrays.copyOfRange(data, off, off + len)));

  @Test
  void receivesCopiesInOrder() throws Exception {
    byte[] source = {1, 2, 3, 4, 5};
    assertThat(transport.offer(source, 1, 3)).isTrue();
    source[1] = 99;
    assertThat(transport.offer(source, 0, 1)).isTrue();

    byte[] buf = new byte[10];
    assertThat(transport.receive(buf, 2, 8, 100)).isEqualTo(3);
    assertThat(buf).startsWith(0, 0, 2, 3, 4);
    assertThat(transport.receive(buf, 0, 10, 100)).isEqualTo(1);
    assertThat(buf[0]).isEqualTo((byte) 1);
    assertThat(transport.receive(buf, 0, 10, 20)).isEqualTo(-1);
  }

  @Test
  void refusesWhatDoesNotFit() {
    byte[] d = new byte[1501];
    assertThat(transport.offer(d, 0, 1501)).isFalse();
    assertThat(transport.offer(d, 0, 0)).isFalse();
    for (int i = 0; i < 4; i++) {
      assertThat(transport.offer(d, 0, 10)).isTrue();
    }
    assertThat(transport.offer(d, 0, 10)).isFalse();
  }

  @Test
  void cutsADatagramLongerThanTheReadBuffer() throws Exception {
    transport.offer(new byte[] {1, 2, 3, 4}, 0, 4);
    byte[] buf = new byte[2];

    assertThat(transport.receive(buf, 0, 2, 100)).isEqualTo(2);
    assertThat(buf).containsExactly(1, 2);
  }

  @Test
  void theHandshakeDeadlineEndsWaiting() throws Exception {
    transport.setHandshakeDeadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
    byte[] buf = new byte[10];

    long start = System.nanoTime();
    assertThat(transport.receive(buf, 0, 10, 10_000)).isEqualTo(-1);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    assertThatThrownBy(() -> transport.receive(buf, 0, 10, 10_000))
        .isInstanceOf(TlsTimeoutException.class);

    transport.handshakeDone();
    assertThat(transport.receive(buf, 0, 10, 10)).isEqualTo(-1);
  }

  @Test
  void closeWakesTheReaderAndStopsSending() throws Exception {
    byte[] buf = new byte[10];
    CompletableFuture<Exception> reader = CompletableFuture.supplyAsync(() -> {
      try {
        transport.receive(buf, 0, 10, 0);
        return null;
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(50);

    transport.close();

    assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    assertThat(transport.offer(new byte[3], 0, 3)).isFalse();
    transport.send(new byte[] {1}, 0, 1);
    assertThat(sent).isEmpty();
  }

  @Test
  void sendsToTheSender() throws Exception {
    transport.send(new byte[] {9, 8, 7}, 1, 2);

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).containsExactly(8, 7);
    assertThat(transport.getSendLimit()).isEqualTo(1200);
    assertThat(transport.getReceiveLimit()).isEqualTo(1500);
  }
}
