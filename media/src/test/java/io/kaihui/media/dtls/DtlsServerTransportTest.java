package io.kaihui.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpProfile;
import io.kaihui.media.srtp.SrtpSession;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DTLS-SRTP handshakes between {@link DtlsServerTransport} and a Bouncy Castle DTLS client
 * ({@link DtlsSrtpTestClient}) in one JVM, through in-memory queues.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsServerTransportTest {

  private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
  private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
  private static final long WAIT_SECONDS = 15;

  private ExecutorService executor;
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startExecutor() {
    executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    executor.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void handshakeAgreesOnSrtpKeysThatProtectBothWays(SrtpProfile profile) throws Exception {
    Peers peers = peers(Duration.ofSeconds(30), profile.id());
    peers.server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());
    peers.server.start();

    DTLSTransport clientDtls = await(peers.connectClient());
    SrtpKeys serverKeys = await(peers.events.connected);
    SrtpKeys clientKeys = peers.client.keys();

    assertThat(serverKeys.profile()).isEqualTo(profile);
    assertThat(clientKeys.profile()).isEqualTo(profile);
    assertThat(serverKeys.localKey()).isEqualTo(clientKeys.remoteKey());
    assertThat(serverKeys.localSalt()).isEqualTo(clientKeys.remoteSalt());
    assertThat(serverKeys.remoteKey()).isEqualTo(clientKeys.localKey());
    assertThat(serverKeys.remoteSalt()).isEqualTo(clientKeys.localSalt());
    assertThat(serverKeys.localKey()).isNotEqualTo(serverKeys.remoteKey());
    assertThat(clientKeys).isEqualTo(serverKeys.mirror());

    SrtpSession serverSrtp = new SrtpSession(serverKeys);
    SrtpSession clientSrtp = new SrtpSession(clientKeys);
    assertRtpAndRtcpPass(clientSrtp, serverSrtp, profile);
    assertRtpAndRtcpPass(serverSrtp, clientSrtp, profile);

    assertThat(peers.events.failed).isNotDone();
    assertThat(peers.server.handshakeFailures()).isZero();
    assertThat(peers.server.datagramsReceived()).isPositive();
    assertThat(peers.server.datagramsDropped()).isZero();
    assertThat(peers.events.largestSent.get()).isLessThanOrEqualTo(DtlsServerTransport.MTU);
    clientDtls.close();
  }

  @Test
  void serverPrefersGcmWhenBothProfilesAreOffered() throws Exception {
    Peers peers = peers(Duration.ofSeconds(30),
        SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
        SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
    peers.server.setRemoteFingerprint("SHA-256", CLIENT_CERT.sha256Fingerprint().toLowerCase());
    peers.server.start();

    await(peers.connectClient());

    assertThat(await(peers.events.connected).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(peers.client.keys().profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
  }

  @Test
  void wrongRemoteFingerprintFailsTheHandshake() throws Exception {
    Peers peers = peers(Duration.ofSeconds(30), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
    peers.server.setRemoteFingerprint("sha-256", SERVER_CERT.sha256Fingerprint());
    peers.server.start();
    CompletableFuture<DTLSTransport> client = peers.connectClient();

    String reason = await(peers.events.failed);

    assertThat(reason).contains("does not match").contains("sha-256");
    assertThatThrownBy(() -> client.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(peers.events.connected).isNotDone();
    assertThat(peers.server.handshakeFailures()).isEqualTo(1);
  }

  @Test
  void fingerprintMaySetAfterTheClientHelloArrived() throws Exception {
    Peers peers = peers(Duration.ofSeconds(30), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
    peers.server.start();
    CompletableFuture<DTLSTransport> client = peers.connectClient();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (peers.events.sent.get() == 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(peers.events.sent.get()).as("server answered the ClientHello").isPositive();
    Thread.sleep(200);

    peers.server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());

    await(client);
    assertThat(await(peers.events.connected).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
  }

  @Test
  void missingFingerprintFailsAtTheDeadline() throws Exception {
    Peers peers = peers(Duration.ofMillis(800), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
    peers.server.start();
    peers.connectClient();

    String reason = await(peers.events.failed);

    assertThat(reason).containsAnyOf("no remote fingerprint", "timed out");
    assertThat(peers.server.handshakeFailures()).isEqualTo(1);
  }

  @Test
  void clientOfferingNoSupportedProfileIsRefused() throws Exception {
    Peers peers = peers(Duration.ofSeconds(30), SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32,
        SRTPProtectionProfile.SRTP_NULL_HMAC_SHA1_80);
    peers.server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());
    peers.server.start();
    CompletableFuture<DTLSTransport> client = peers.connectClient();

    String reason = await(peers.events.failed);

    assertThat(reason).contains("no supported SRTP protection profile").contains("0x0002");
    assertThatThrownBy(() -> client.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void clientWithoutUseSrtpIsRefused() throws Exception {
    Peers peers = peers(Duration.ofSeconds(30), (int[]) null);
    peers.server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());
    peers.server.start();
    peers.connectClient();

    assertThat(await(peers.events.failed)).contains("use_srtp");
  }

  @Test
  void silenceTimesOut() throws Exception {
    Events events = new Events();
    DtlsServerTransport server = server(events, Duration.ofMillis(300));
    server.start();

    assertThat(await(events.failed)).isEqualTo("handshake timed out after 300 ms");
    assertThat(server.handshakeFailures()).isEqualTo(1);
  }

  @Test
  void clientCloseNotifyClosesTheTransport() throws Exception {
    Peers peers = connected();
    DTLSTransport clientDtls = await(peers.connectClient());
    await(peers.events.connected);

    clientDtls.close();

    assertThat(peers.events.closed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(peers.events.failed).isNotDone();
    assertThat(peers.events.closedCalls.get()).isEqualTo(1);
  }

  @Test
  void closeSendsCloseNotifyAndReportsNothing() throws Exception {
    Peers peers = connected();
    DTLSTransport clientDtls = await(peers.connectClient());
    await(peers.events.connected);

    peers.server.close();
    peers.server.close();

    byte[] buf = new byte[1500];
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    try {
      while (!peers.client.closeNotifyReceived() && System.nanoTime() < until) {
        clientDtls.receive(buf, 0, buf.length, 100);
      }
    } catch (InterruptedIOException closedByBouncyCastle) {
      // After close_notify BC answers it and closes the client's pipe.
    }
    assertThat(peers.client.closeNotifyReceived()).isTrue();
    Thread.sleep(200);
    assertThat(peers.events.closedCalls.get()).isZero();
    assertThat(peers.events.failed).isNotDone();
  }

  @Test
  void closeDuringTheHandshakeReportsNothing() throws Exception {
    Events events = new Events();
    DtlsServerTransport server = server(events, Duration.ofSeconds(30));
    server.start();
    server.receive(new byte[] {22, (byte) 0xFE, (byte) 0xFD}, 0, 3);

    server.close();
    Thread.sleep(300);

    assertThat(events.failed).isNotDone();
    assertThat(events.connected).isNotDone();
    assertThat(server.handshakeFailures()).isZero();
    server.receive(new byte[20], 0, 20);
    assertThat(server.datagramsDropped()).isEqualTo(1);
  }

  @Test
  void fullQueueDropsAndCounts() {
    Events events = new Events();
    DtlsServerTransport server = server(events, Duration.ofSeconds(30));
    byte[] datagram = new byte[100];

    for (int i = 0; i < 100; i++) {
      server.receive(datagram, 0, datagram.length);
    }
    server.receive(new byte[DtlsServerTransport.RECEIVE_LIMIT + 1], 0,
        DtlsServerTransport.RECEIVE_LIMIT + 1);

    assertThat(server.datagramsReceived()).isEqualTo(101);
    assertThat(server.datagramsDropped()).isEqualTo(100 - DtlsServerTransport.QUEUE_CAPACITY + 1);
  }

  @Test
  void randomDatagramsNeverThrowAndEndInFailure() throws Exception {
    Events events = new Events();
    DtlsServerTransport server = server(events, Duration.ofSeconds(1));
    server.start();
    Random random = new Random(6347);

    for (int i = 0; i < 5000; i++) {
      byte[] datagram = new byte[random.nextInt(1600)];
      random.nextBytes(datagram);
      if (i % 2 == 0 && datagram.length >= 25) {
        // A plausible epoch-0 handshake record so the garbage reaches the handshake layer.
        datagram[0] = 22;
        datagram[1] = (byte) 0xFE;
        datagram[2] = (byte) 0xFD;
        datagram[3] = 0;
        datagram[4] = 0;
        writeUint16(datagram, 11, datagram.length - 13);
      }
      int off = datagram.length == 0 ? 0 : random.nextInt(datagram.length);
      assertThatCode(() -> server.receive(datagram, off, datagram.length - off))
          .doesNotThrowAnyException();
    }

    assertThat(await(events.failed)).isNotBlank();
    assertThat(events.connected).isNotDone();
    assertThat(server.datagramsReceived()).isEqualTo(5000);
    assertThat(server.handshakeFailures()).isEqualTo(1);
  }

  @Test
  void truncatedAndMutatedClientHellosEndInFailure() throws Exception {
    byte[] hello = captureClientHello();
    assertThat(hello[0]).isEqualTo((byte) 22);
    assertThat(hello[13]).as("client_hello").isEqualTo((byte) 1);
    Random random = new Random(5764);
    List<Events> outcomes = new CopyOnWriteArrayList<>();

    // Cut short without fixing lengths (the record layer discards these), then cut short with
    // record, message and fragment lengths made consistent (the handshake layer parses these).
    Events cut = new Events();
    DtlsServerTransport cutServer = server(cut, Duration.ofMillis(500));
    cutServer.start();
    for (int len = 1; len < hello.length; len++) {
      int n = len;
      assertThatCode(() -> cutServer.receive(hello, 0, n)).doesNotThrowAnyException();
    }
    outcomes.add(cut);
    int body = hello.length - 25;
    for (int b = 0; b < body; b += 3) {
      byte[] truncated = Arrays.copyOf(hello, 25 + b);
      writeUint16(truncated, 11, 12 + b);
      writeUint24(truncated, 14, b);
      writeUint24(truncated, 22, b);
      outcomes.add(feedOnce(truncated, Duration.ofMillis(300)));
    }
    for (int i = 0; i < 30; i++) {
      byte[] mutated = hello.clone();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      outcomes.add(feedOnce(mutated, Duration.ofMillis(300)));
    }

    for (Events e : outcomes) {
      assertThat(await(e.failed)).isNotBlank();
      assertThat(e.connected).isNotDone();
    }
  }

  @Test
  void garbageBeforeAndDuringTheHandshakeDoesNotStopIt() throws Exception {
    Peers peers = connected();
    Random random = new Random(8827);
    for (int i = 0; i < 40; i++) {
      byte[] garbage = new byte[1 + random.nextInt(300)];
      random.nextBytes(garbage);
      peers.server.receive(garbage, 0, garbage.length);
    }
    CompletableFuture<DTLSTransport> client = peers.connectClient();
    for (int i = 0; i < 20; i++) {
      byte[] garbage = new byte[1 + random.nextInt(300)];
      random.nextBytes(garbage);
      garbage[0] = 23; // application_data: dropped by the record layer in any epoch it lacks
      peers.server.receive(garbage, 0, garbage.length);
      Thread.sleep(1);
    }

    await(client);
    assertThat(await(peers.events.connected)).isEqualTo(peers.client.keys().mirror());
  }

  @Test
  void badFingerprintsAreRejectedAtOnce() {
    DtlsServerTransport server = server(new Events(), Duration.ofSeconds(30));

    assertThatThrownBy(() -> server.setRemoteFingerprint("md5", "AB:CD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.setRemoteFingerprint("sha-256", "AB:CD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.setRemoteFingerprint("sha-256", "not hex"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void startTwiceIsAnError() {
    DtlsServerTransport server = server(new Events(), Duration.ofSeconds(30));
    server.start();

    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  // --- helpers ---

  /** Server events, recorded; what the server sends goes to the client's transport, if any. */
  static final class Events implements DtlsServerTransport.Listener {
    volatile ClientDatagramTransport pipe;
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger largestSent = new AtomicInteger();
    final CompletableFuture<SrtpKeys> connected = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closedCalls = new AtomicInteger();

    @Override
    public void onDtlsSend(byte[] data, int off, int len) {
      sent.incrementAndGet();
      largestSent.accumulateAndGet(len, Math::max);
      ClientDatagramTransport p = pipe;
      if (p != null) {
        p.deliver(data, off, len);
      }
    }

    @Override
    public void onDtlsConnected(SrtpKeys keys) {
      connected.complete(keys);
    }

    @Override
    public void onDtlsFailed(String reason) {
      failed.complete(reason);
    }

    @Override
    public void onDtlsClosed() {
      closedCalls.incrementAndGet();
      closed.countDown();
    }
  }

  /** A server and a client wired together in memory. */
  private final class Peers {
    final Events events = new Events();
    final DtlsServerTransport server;
    final DtlsSrtpTestClient client;
    final ClientDatagramTransport pipe;

    Peers(Duration timeout, int... profiles) {
      server = server(events, timeout);
      client = new DtlsSrtpTestClient(CLIENT_CERT, SERVER_CERT.sha256Fingerprint(), profiles);
      pipe = new ClientDatagramTransport(server::receive);
      events.pipe = pipe;
      toClose.add(pipe::close);
    }

    CompletableFuture<DTLSTransport> connectClient() {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return client.connect(pipe);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, executor);
    }
  }

  private Peers peers(Duration timeout, int... profiles) {
    return new Peers(timeout, profiles);
  }

  private Peers connected() {
    Peers peers = peers(Duration.ofSeconds(30), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
    peers.server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());
    peers.server.start();
    return peers;
  }

  private DtlsServerTransport server(Events events, Duration timeout) {
    DtlsServerTransport server = new DtlsServerTransport(SERVER_CERT, events, executor, timeout);
    toClose.add(server);
    return server;
  }

  /** A fresh server fed one datagram. */
  private Events feedOnce(byte[] datagram, Duration timeout) {
    Events events = new Events();
    DtlsServerTransport server = server(events, timeout);
    server.setRemoteFingerprint("sha-256", CLIENT_CERT.sha256Fingerprint());
    server.start();
    assertThatCode(() -> server.receive(datagram, 0, datagram.length)).doesNotThrowAnyException();
    return events;
  }

  /** The first datagram a real client sends: its ClientHello, offering both profiles. */
  private byte[] captureClientHello() throws Exception {
    CompletableFuture<byte[]> first = new CompletableFuture<>();
    DtlsSrtpTestClient client = new DtlsSrtpTestClient(CLIENT_CERT,
        SERVER_CERT.sha256Fingerprint(), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
        SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
    ClientDatagramTransport pipe = new ClientDatagramTransport(
        (buf, off, len) -> first.complete(Arrays.copyOfRange(buf, off, off + len)));
    executor.execute(() -> {
      try {
        client.connect(pipe);
      } catch (IOException expected) {
        // The transport closes below.
      }
    });
    byte[] hello = await(first);
    pipe.close();
    return hello;
  }

  /** Client → server and back: an RTP and an RTCP packet come out as they went in. */
  private static void assertRtpAndRtcpPass(SrtpSession from, SrtpSession to, SrtpProfile profile) {
    byte[] rtp = {
      (byte) 0x80, 0x6F, 0x12, 0x34, 0x00, 0x00, 0x03, (byte) 0xE8,
      (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF,
      'k', 'a', 'i', 'h', 'u', 'i', ' ', 'm', 'e', 'd', 'i', 'a', ' ', 'p', 'a', 'y'
    };
    byte[] buf = Arrays.copyOf(rtp, rtp.length + SrtpSession.maxOverhead());
    int n = from.protectRtp(buf, 0, rtp.length);
    assertThat(n).isEqualTo(rtp.length + profile.rtpOverhead());
    assertThat(Arrays.copyOf(buf, rtp.length)).isNotEqualTo(rtp);
    assertThat(to.unprotectRtp(buf, 0, n)).isEqualTo(rtp.length);
    assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);

    byte[] rtcp = {
      (byte) 0x81, (byte) 201, 0x00, 0x07, 0x01, 0x02, 0x03, 0x04,
      (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x00, 0x00, 0x00, 0x01,
      0x00, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00
    };
    byte[] rbuf = Arrays.copyOf(rtcp, rtcp.length + SrtpSession.maxOverhead());
    int m = from.protectRtcp(rbuf, 0, rtcp.length);
    assertThat(m).isEqualTo(rtcp.length + profile.rtcpOverhead());
    assertThat(to.unprotectRtcp(rbuf, 0, m)).isEqualTo(rtcp.length);
    assertThat(Arrays.copyOf(rbuf, rtcp.length)).isEqualTo(rtcp);
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void writeUint16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void writeUint24(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 16);
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) v;
  }
}
