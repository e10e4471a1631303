package io.kaihui.media.testing;

import io.kaihui.media.PacketKind;
import io.kaihui.media.dtls.ClientDatagramTransport;
import io.kaihui.media.dtls.DtlsCertificate;
import io.kaihui.media.dtls.DtlsServerTransport;
import io.kaihui.media.dtls.DtlsSrtpTestClient;
import io.kaihui.media.rtcp.FirEntry;
import io.kaihui.media.rtcp.FullIntraRequest;
import io.kaihui.media.rtcp.PictureLossIndication;
import io.kaihui.media.rtcp.ReceiverReport;
import io.kaihui.media.rtcp.RtcpPacket;
import io.kaihui.media.rtcp.RtcpParseException;
import io.kaihui.media.rtcp.RtcpParser;
import io.kaihui.media.rtcp.RtcpWriter;
import io.kaihui.media.rtcp.SenderReport;
import io.kaihui.media.rtcp.TransportCcFeedback;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpProfile;
import io.kaihui.media.srtp.SrtpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.bouncycastle.tls.DTLSTransport;

/**
 * A stand-in for one browser {@code RTCPeerConnection} towards an SFU, on real UDP: one socket
 * (on 127.0.0.1 unless told otherwise), ICE, DTLS, SRTP, and bookkeeping of everything
 * received. Towards Kaihui's ICE-lite SFU it is the controlling ICE agent and the DTLS client;
 * towards a full ICE agent such as Janus it takes the roles that agent's SDP leaves it.
 *
 * <p>After {@link #connect}, its {@link IceAgent} sends a STUN Binding Request every 50 ms
 * (RFC 8445 §7.2.4, Chromium's pace) with USERNAME {@code serverUfrag:localUfrag}, PRIORITY,
 * ICE-CONTROLLING and USE-CANDIDATE (or ICE-CONTROLLED), MESSAGE-INTEGRITY keyed with the
 * server's password and FINGERPRINT (RFC 8445 §7.1.1, §7.2.2) until an authentic success
 * response arrives; then it keeps checking consent every consent interval (RFC 7675 §5.1) until
 * {@link #setConsentChecks told not to}. The server's own checks, which a full agent sends, are
 * answered from any address as soon as the socket is open (peer-reflexive, RFC 8445 §7.3). On
 * the first success it runs the DTLS handshake with its own {@link DtlsCertificate} as client
 * ({@code a=setup:active}) — or, when the server's SDP said {@code a=setup:active}, waits for the
 * server's handshake as DTLS server from the start — and derives its SRTP keys (RFC 5764 §4.2).
 *
 * <p>Every datagram is demultiplexed by its first byte as browsers do (RFC 7983) and counted:
 * STUN goes to the ICE agent from any address, everything else only from the server's
 * candidate: DTLS goes to the handshake, SRTP is decrypted and
 * each RTP packet recorded in its SSRC's {@link ReceivedStream}; SRTCP is decrypted and parsed,
 * sender reports go to their stream, receiver reports, transport-cc feedback and keyframe requests
 * (PLI, FIR) are kept and keyframe requests passed to a listener.
 *
 * <p>Once {@link #setTransportCc told the extension's id}, every RTP packet sent gets a
 * transport-wide sequence number ({@link TransportSequenceStamper}).
 *
 * <p>Thread-safe. One platform thread receives; the owner's scheduler sends STUN; DTLS runs on
 * a virtual thread; {@link #sendRtp} and {@link #sendRtcp} may be called from any thread.
 */
public final class SyntheticPeerConnection implements AutoCloseable {

  /** How often Chromium checks consent on a working pair, about every 2.5 s. */
  public static final Duration DEFAULT_CONSENT_INTERVAL = Duration.ofMillis(2500);

  private static final int MAX_DATAGRAM = 1500;
  private static final int SRTP_HEADROOM = 64;
  /**
   * The SRTP profiles offered as DTLS client: Chromium's order, without the AES-256 ones that
   * {@link SrtpSession} lacks (a server such as Janus would pick AEAD_AES_256_GCM).
   */
  private static final int[] SRTP_PROFILES = {
    SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES128_CM_HMAC_SHA1_80.id()};

  static {
    warmUpSrtp();
  }

  private final String name;
  private final DatagramSocket socket;
  private final ScheduledExecutorService scheduler;
  private final DtlsCertificate certificate = DtlsCertificate.generate();
  private final SecureRandom random = new SecureRandom();
  private final IceAgent ice;
  private final Thread receiver;
  private final CompletableFuture<SrtpKeys> dtlsConnected = new CompletableFuture<>();
  private final Map<Long, ReceivedStream> streams = new ConcurrentHashMap<>();
  private final List<ReceiverReport> receiverReports = new CopyOnWriteArrayList<>();
  private final List<Long> keyframeRequests = new CopyOnWriteArrayList<>();
  private final List<TransportCcFeedback> transportCcFeedback = new CopyOnWriteArrayList<>();
  private final TransportSequenceStamper transportSequence = new TransportSequenceStamper();
  private final AtomicReference<Throwable> receiveError = new AtomicReference<>();
  private final Object sendLock = new Object();
  private final byte[] sendBuffer = new byte[MAX_DATAGRAM + SRTP_HEADROOM];

  private final AtomicLong datagramsReceived = new AtomicLong();
  private final AtomicLong datagramsFromStrangers = new AtomicLong();
  private final AtomicLong dtlsDatagrams = new AtomicLong();
  private final AtomicLong rtpReceived = new AtomicLong();
  private final AtomicLong rtcpReceived = new AtomicLong();
  private final AtomicLong srtpBeforeKeys = new AtomicLong();
  private final AtomicLong srtpFailures = new AtomicLong();
  private final AtomicLong rtcpMalformed = new AtomicLong();
  private final AtomicLong unknownDatagrams = new AtomicLong();

  private volatile LongConsumer keyframeRequestListener = ssrc -> { };
  private volatile RtpListener rtpListener = (buf, off, len, nanos) -> { };
  private volatile ServerIceParameters remote;
  private volatile ClientDatagramTransport dtlsTransport;
  private volatile DtlsSrtpTestClient dtlsClient;
  private volatile DtlsServerTransport dtlsServer;
  private volatile boolean dtlsServerClosedByPeer;
  /** A DTLS datagram that came before the server's description, as Chromium caches one. */
  private volatile DatagramPacket earlyDtls;
  private volatile DTLSTransport dtls;
  private volatile SrtpSession sendSrtp;
  private volatile SrtpSession receiveSrtp;
  private volatile ScheduledFuture<?> checks;
  private volatile String dtlsEnded;
  private volatile boolean closed;

  /**
   * Opens the UDP socket on 127.0.0.1 and starts receiving.
   *
   * @param name for thread names and messages, such as {@code alice/publish}
   * @param scheduler runs the connectivity and consent checks
   * @throws UncheckedIOException if no socket can be bound
   */
  public SyntheticPeerConnection(String name, ScheduledExecutorService scheduler) {
    this(name, scheduler, InetAddress.getLoopbackAddress());
  }

  /**
   * Opens the UDP socket on an address of this host and starts receiving; its host candidate
   * is that address.
   *
   * @param name for thread names and messages, such as {@code alice/publish}
   * @param scheduler runs the connectivity and consent checks
   * @param bind the IPv4 address to bind, e.g. a veth end for a server that ignores loopback
   * @throws UncheckedIOException if no socket can be bound
   */
  public SyntheticPeerConnection(String name, ScheduledExecutorService scheduler,
      InetAddress bind) {
    this.name = name;
    this.scheduler = scheduler;
    this.ice = new IceAgent(this::sendTo, random);
    try {
      this.socket = new DatagramSocket(new InetSocketAddress(bind, 0));
      this.socket.setReceiveBufferSize(1 << 20);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a UDP socket for " + name, e);
    }
    this.receiver = Thread.ofPlatform().daemon().name("synthetic-" + name).start(this::receive);
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /** This side's {@code a=ice-ufrag}, 4 characters as Chromium makes them. */
  public String localUfrag() {
    return ice.ufrag();
  }

  /** This side's {@code a=ice-pwd}, 24 characters. */
  public String localPassword() {
    return ice.password();
  }

  /** The SHA-256 fingerprint of this side's DTLS certificate, for {@code a=fingerprint}. */
  public String fingerprint() {
    return certificate.sha256Fingerprint();
  }

  /** The local UDP port (the host candidate's port). */
  public int localPort() {
    return socket.getLocalPort();
  }

  /** The IPv4 address of the local socket, as it goes into candidates. */
  public String localHost() {
    return localAddress().getAddress().getHostAddress();
  }

  /** The local UDP address. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Hears every RTP packet received, after decryption. */
  @FunctionalInterface
  public interface RtpListener {
    /**
     * One decrypted RTP packet, on the receive thread; the buffer is reused afterwards.
     *
     * @param buf the packet's bytes
     * @param off where it starts
     * @param len its length
     * @param nowNanos when it arrived ({@link System#nanoTime()})
     */
    void onRtp(byte[] buf, int off, int len, long nowNanos);
  }

  /** Sets who hears every RTP packet received (on the receive thread; must not block). */
  public void setRtpListener(RtpListener listener) {
    this.rtpListener = listener;
  }

  /** Sets who hears keyframe requests (PLI, or FIR entries) by media SSRC; receive thread. */
  public void setKeyframeRequestListener(LongConsumer listener) {
    this.keyframeRequestListener = listener;
  }

  /** Sets how often consent is checked once connected (default 2.5 s). */
  public void setConsentInterval(Duration interval) {
    ice.setConsentInterval(interval);
  }

  /** Starts or stops the periodic consent checks (RFC 7675); the first checks are not affected. */
  public void setConsentChecks(boolean on) {
    ice.setConsentChecks(on);
  }

  /**
   * Starts ICE towards the server as the controlling agent, then DTLS: as the offerer does, or
   * the answerer of an ICE-lite server's offer. Calling it again with the same parameters (a
   * renegotiation) does nothing.
   *
   * @param server what the server's SDP says
   * @throws IllegalStateException if already connecting to other ICE credentials (an ICE
   *     restart, which the SFU does not do)
   */
  public void connect(ServerIceParameters server) {
    connect(server, true);
  }

  /**
   * Starts ICE towards the server, then DTLS as client, or as server when the server's SDP
   * said {@code a=setup:active}. Calling it again with the same parameters (a renegotiation)
   * does nothing.
   *
   * @param server what the server's SDP says
   * @param controlling whether this side controls ICE: true when it made the offer or the
   *     server is ICE-lite (RFC 8445 §6.1.1)
   * @throws IllegalStateException if already connecting to other ICE credentials (an ICE
   *     restart, which the SFU does not do)
   */
  public synchronized void connect(ServerIceParameters server, boolean controlling) {
    if (remote != null) {
      if (!remote.equals(server)) {
        throw new IllegalStateException(name + ": ICE restart is not supported");
      }
      return;
    }
    remote = server;
    if (server.dtlsClient()) {
      startDtlsServer(server);
    } else {
      dtlsTransport = new ClientDatagramTransport(
          (buf, off, len) -> socket.send(new DatagramPacket(buf, off, len, server.address())));
      dtlsClient = new DtlsSrtpTestClient(certificate, server.fingerprint(), SRTP_PROFILES);
      ice.connected().thenRun(() -> Thread.ofVirtual().name("synthetic-dtls-" + name)
          .start(this::runDtls));
    }
    ice.start(server, controlling ? IceAgent.Role.CONTROLLING : IceAgent.Role.CONTROLLED);
    checks = scheduler.scheduleAtFixedRate(() -> {
      try {
        if (!closed) {
          ice.tick();
        }
      } catch (RuntimeException e) {
        // Thrown out of a periodic task it would silently end the checks.
        receiveError.compareAndSet(null, e);
      }
    }, 0, IceAgent.CHECK_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Whether ICE and DTLS are up, so media can be sent. */
  public boolean isConnected() {
    return sendSrtp != null && !closed;
  }

  /**
   * Waits until ICE and DTLS are up.
   *
   * @param timeout how long at most
   * @throws IllegalStateException if that does not happen in time or DTLS failed
   */
  public void awaitConnected(Duration timeout) {
    try {
      dtlsConnected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " not connected after " + timeout + ": ice="
          + ice.connected().isDone() + ", checks sent=" + ice.checksSent() + ", dtls="
          + dtlsEnded);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name + ": DTLS failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds a transport-wide sequence number to every RTP packet sent from now on.
   *
   * @param extensionId the id the SFU's answer gives the extension, 1..14; 0 to stop
   * @param firstSequenceNumber the number of the next packet, 0..65535
   */
  public void setTransportCc(int extensionId, int firstSequenceNumber) {
    transportSequence.start(extensionId, firstSequenceNumber);
  }

  /**
   * Protects and sends one RTP packet, with a transport-wide sequence number if
   * {@link #setTransportCc} enabled it (the packet must then have no CSRC and no extension).
   *
   * @return false if not connected yet (nothing sent)
   */
  public boolean sendRtp(byte[] packet, int off, int len) {
    SrtpSession srtp = sendSrtp;
    if (srtp == null || closed) {
      return false;
    }
    synchronized (sendLock) {
      int n = srtp.protectRtp(sendBuffer, 0,
          transportSequence.copy(packet, off, len, sendBuffer));
      if (n < 0) {
        throw new IllegalStateException(name + ": SRTP refused an RTP packet");
      }
      sendDatagram(sendBuffer, n);
    }
    return true;
  }

  /**
   * Writes, protects and sends one compound RTCP packet.
   *
   * @return false if not connected yet (nothing sent)
   */
  public boolean sendRtcp(RtcpPacket... packets) {
    SrtpSession srtp = sendSrtp;
    if (srtp == null || closed) {
      return false;
    }
    byte[] rtcp = RtcpWriter.toBytes(packets);
    synchronized (sendLock) {
      System.arraycopy(rtcp, 0, sendBuffer, 0, rtcp.length);
      int n = srtp.protectRtcp(sendBuffer, 0, rtcp.length);
      if (n < 0) {
        throw new IllegalStateException(name + ": SRTCP refused an RTCP packet");
      }
      sendDatagram(sendBuffer, n);
    }
    return true;
  }

  /** Packets sent with a transport-wide sequence number. */
  public long transportCcPacketsSent() {
    return transportSequence.stamped();
  }

  /** The transport-wide sequence number the next packet gets. */
  public int nextTransportSequenceNumber() {
    return transportSequence.next();
  }

  /** When the last packet with this transport-wide sequence number was sent (nanoTime). */
  public long transportCcSendTimeNanos(int sequenceNumber) {
    return transportSequence.sendNanos(sequenceNumber);
  }

  /** Transport-cc feedback received, oldest first. */
  public List<TransportCcFeedback> transportCcFeedback() {
    return List.copyOf(transportCcFeedback);
  }

  /** Sends bytes as they are, unprotected, from this socket to the server's candidate. */
  public void sendRaw(byte[] datagram) {
    ServerIceParameters server = remote;
    if (server != null) {
      sendTo(datagram, server.address());
    }
  }

  /** The streams received so far, by SSRC (a copy). */
  public Map<Long, ReceivedStream> streams() {
    return Map.copyOf(streams);
  }

  /** The stream of one SSRC, or null if nothing arrived for it. */
  public ReceivedStream stream(long ssrc) {
    return streams.get(ssrc);
  }

  /** Receiver reports received, oldest first. */
  public List<ReceiverReport> receiverReports() {
    return List.copyOf(receiverReports);
  }

  /** Media SSRCs of the keyframe requests (PLI, FIR) received, oldest first. */
  public List<Long> keyframeRequests() {
    return List.copyOf(keyframeRequests);
  }

  /** Datagrams received from the server's address. */
  public long datagramsReceived() {
    return datagramsReceived.get();
  }

  /** Datagrams other than STUN received from any other address (none expected). */
  public long datagramsFromStrangers() {
    return datagramsFromStrangers.get();
  }

  /** Authentic STUN success responses to our checks. */
  public long stunSuccesses() {
    return ice.successes();
  }

  /** The server's own connectivity checks answered (a full ICE agent's, such as Janus's). */
  public long checksAnswered() {
    return ice.checksAnswered();
  }

  /** Other STUN: errors, unauthentic or unsolicited responses, requests. */
  public long stunOther() {
    return ice.otherStun();
  }

  /** DTLS datagrams received. */
  public long dtlsDatagrams() {
    return dtlsDatagrams.get();
  }

  /** RTP packets that decrypted. */
  public long rtpReceived() {
    return rtpReceived.get();
  }

  /** RTCP compound packets that decrypted and parsed. */
  public long rtcpReceived() {
    return rtcpReceived.get();
  }

  /** SRTP or SRTCP packets that arrived before the DTLS handshake ended. */
  public long srtpBeforeKeys() {
    return srtpBeforeKeys.get();
  }

  /** SRTP or SRTCP packets that did not authenticate. */
  public long srtpFailures() {
    return srtpFailures.get();
  }

  /** Decrypted RTCP that did not parse. */
  public long rtcpMalformed() {
    return rtcpMalformed.get();
  }

  /** Datagrams of no known protocol. */
  public long unknownDatagrams() {
    return unknownDatagrams.get();
  }

  /** The first exception the receive or check thread caught, or null (none expected). */
  public Throwable receiveError() {
    return receiveError.get();
  }

  /** Whether the server said goodbye with DTLS close_notify. */
  public boolean dtlsClosedByServer() {
    DtlsSrtpTestClient client = dtlsClient;
    return client != null && client.closeNotifyReceived() || dtlsServerClosedByPeer;
  }

  /**
   * Closes the PeerConnection as a browser does: DTLS close_notify if connected, then the
   * socket. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ScheduledFuture<?> c = checks;
    if (c != null) {
      c.cancel(false);
    }
    DTLSTransport d = dtls;
    if (d != null) {
      try {
        d.close();
      } catch (IOException e) {
        // The socket goes away anyway.
      }
    }
    ClientDatagramTransport t = dtlsTransport;
    if (t != null) {
      t.close();
    }
    DtlsServerTransport server = dtlsServer;
    if (server != null) {
      server.close();
    }
    socket.close();
    try {
      receiver.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SyntheticPeerConnection[" + name + ", port " + localPort() + "]";
  }

  // ---- DTLS ----

  /** The DTLS server role, for a peer that answered {@code a=setup:active} (RFC 5763 §5). */
  private void startDtlsServer(ServerIceParameters server) {
    DtlsServerTransport transport = new DtlsServerTransport(certificate,
        new DtlsServerTransport.Listener() {
          @Override
          public void onDtlsSend(byte[] data, int off, int len) {
            byte[] copy = Arrays.copyOfRange(data, off, off + len);
            sendTo(copy, server.address());
          }

          @Override
          public void onDtlsConnected(SrtpKeys keys) {
            receiveSrtp = new SrtpSession(keys);
            sendSrtp = new SrtpSession(keys);
            dtlsConnected.complete(keys);
          }

          @Override
          public void onDtlsFailed(String reason) {
            dtlsEnded = reason;
            dtlsConnected.completeExceptionally(new IOException(reason));
          }

          @Override
          public void onDtlsClosed() {
            dtlsEnded = "close_notify";
            dtlsServerClosedByPeer = true;
          }
        }, task -> Thread.ofVirtual().name("synthetic-dtls-" + name).start(task));
    transport.setRemoteFingerprint("sha-256", server.fingerprint());
    dtlsServer = transport;
    transport.start();
    DatagramPacket early = earlyDtls;
    if (early != null && server.address().equals(early.getSocketAddress())) {
      dtlsDatagrams.incrementAndGet();
      transport.receive(early.getData(), 0, early.getLength());
    }
  }

  private void runDtls() {
    DtlsSrtpTestClient client = dtlsClient;
    try {
      DTLSTransport transport = client.connect(dtlsTransport);
      SrtpKeys keys = client.keys();
      receiveSrtp = new SrtpSession(keys);
      dtls = transport;
      sendSrtp = new SrtpSession(keys);
      dtlsConnected.complete(keys);
      byte[] buf = new byte[MAX_DATAGRAM];
      while (!closed && !client.closeNotifyReceived()) {
        transport.receive(buf, 0, buf.length, 1000);
      }
      dtlsEnded = client.closeNotifyReceived() ? "close_notify" : "closed";
    } catch (IOException | RuntimeException e) {
      dtlsEnded = e.toString();
      dtlsConnected.completeExceptionally(e);
    }
  }

  // ---- receiving ----

  private void receive() {
    byte[] buf = new byte[MAX_DATAGRAM + SRTP_HEADROOM];
    DatagramPacket packet = new DatagramPacket(buf, MAX_DATAGRAM);
    while (!closed) {
      try {
        packet.setLength(MAX_DATAGRAM);
        socket.receive(packet);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        receiveError.compareAndSet(null, e);
        continue;
      }
      try {
        onDatagram(buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
      } catch (RuntimeException e) {
        receiveError.compareAndSet(null, e);
      }
    }
  }

  private void onDatagram(byte[] buf, int len, InetSocketAddress from) {
    ServerIceParameters server = remote;
    boolean fromServer = server != null && server.address().equals(from);
    if (fromServer) {
      datagramsReceived.incrementAndGet();
    }
    PacketKind kind = PacketKind.of(buf, 0, len);
    if (kind == PacketKind.STUN) {
      ice.onStun(buf, len, from); // from anyone: a full agent's checks may come first
      return;
    }
    if (!fromServer) {
      if (server == null && kind == PacketKind.DTLS) {
        // A full agent's ClientHello can beat its answer here (its ICE succeeded on our early
        // answers): keep it for when the answer names the sender, as Chromium does.
        earlyDtls = new DatagramPacket(Arrays.copyOf(buf, len), len, from);
      } else {
        datagramsFromStrangers.incrementAndGet();
      }
      return;
    }
    switch (kind) {
      case DTLS -> {
        dtlsDatagrams.incrementAndGet();
        ClientDatagramTransport t = dtlsTransport;
        if (t != null) {
          t.deliver(buf, 0, len);
        }
        DtlsServerTransport s = dtlsServer;
        if (s != null) {
          s.receive(buf, 0, len);
        }
      }
      case RTP -> onSrtp(buf, len);
      case RTCP -> onSrtcp(buf, len);
      default -> unknownDatagrams.incrementAndGet();
    }
  }

  private void onSrtp(byte[] buf, int len) {
    SrtpSession srtp = receiveKeys();
    if (srtp == null) {
      srtpBeforeKeys.incrementAndGet();
      return;
    }
    int n = srtp.unprotectRtp(buf, 0, len);
    if (n < 0) {
      srtpFailures.incrementAndGet();
      return;
    }
    rtpReceived.incrementAndGet();
    long now = System.nanoTime();
    streams.computeIfAbsent(RtpPacket.ssrc(buf, 0), ReceivedStream::new)
        .onPacket(buf, 0, n, now);
    rtpListener.onRtp(buf, 0, n, now);
  }

  private void onSrtcp(byte[] buf, int len) {
    SrtpSession srtp = receiveKeys();
    if (srtp == null) {
      srtpBeforeKeys.incrementAndGet();
      return;
    }
    int n = srtp.unprotectRtcp(buf, 0, len);
    if (n < 0) {
      srtpFailures.incrementAndGet();
      return;
    }
    List<RtcpPacket> packets;
    try {
      packets = RtcpParser.parseCompound(buf, 0, n);
    } catch (RtcpParseException e) {
      rtcpMalformed.incrementAndGet();
      return;
    }
    rtcpReceived.incrementAndGet();
    long now = System.nanoTime();
    for (RtcpPacket p : packets) {
      switch (p) {
        case SenderReport sr ->
            streams.computeIfAbsent(sr.ssrc(), ReceivedStream::new).onSenderReport(sr, now);
        case ReceiverReport rr -> receiverReports.add(rr);
        case TransportCcFeedback feedback -> transportCcFeedback.add(feedback);
        case PictureLossIndication pli -> onKeyframeRequest(pli.mediaSsrc());
        case FullIntraRequest fir -> {
          for (FirEntry e : fir.entries()) {
            onKeyframeRequest(e.ssrc());
          }
        }
        default -> {
          // SDES, BYE, NACK, REMB: not needed by the tests.
        }
      }
    }
  }

  /**
   * The receiving SRTP session; if the handshake is still finishing, waits a little for it. The
   * server's last flight was handed to the DTLS thread just before, so this SRTP is what came
   * right after it: a browser handles datagrams in order on one thread and has its keys by then.
   */
  private SrtpSession receiveKeys() {
    SrtpSession srtp = receiveSrtp;
    if (srtp != null || dtlsTransport == null && dtlsServer == null || dtlsConnected.isDone()) {
      return srtp;
    }
    try {
      dtlsConnected.get(500, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return receiveSrtp;
  }

  private void onKeyframeRequest(long mediaSsrc) {
    keyframeRequests.add(mediaSsrc);
    keyframeRequestListener.accept(mediaSsrc);
  }


  /** Sends a whole datagram to an address: STUN (to the server, or back to a check's source). */
  private void sendTo(byte[] datagram, InetSocketAddress to) {
    synchronized (sendLock) {
      send(datagram, datagram.length, to);
    }
  }

  /** Sends to the server's candidate; the caller holds {@link #sendLock}. */
  private void sendDatagram(byte[] buf, int len) {
    ServerIceParameters server = remote;
    if (server != null) {
      send(buf, len, server.address());
    }
  }

  private void send(byte[] buf, int len, InetSocketAddress to) {
    if (closed) {
      return;
    }
    try {
      socket.send(new DatagramPacket(buf, 0, len, to));
    } catch (IOException e) {
      if (!closed) {
        throw new UncheckedIOException(name + ": send failed", e);
      }
    }
  }

  /**
   * jitsi-srtp loads OpenSSL and benchmarks its AES implementations on first use, which takes a
   * second or more and blocks every thread that touches it meanwhile. Done here, once, before
   * any PeerConnection runs, it cannot stall consent checks or the SFU's loop mid-test.
   */
  private static void warmUpSrtp() {
    for (SrtpProfile profile : SrtpProfile.values()) {
      byte[] material = new byte[profile.keyingMaterialLength()];
      new SecureRandom().nextBytes(material);
      try (SrtpSession session = new SrtpSession(SrtpKeys.fromKeyingMaterial(profile, material,
          false))) {
        byte[] rtp = new byte[12 + 20 + SRTP_HEADROOM];
        RtpTag.writeHeader(rtp, 96, false, 1, 1, 1);
        session.protectRtp(rtp, 0, 32);
        byte[] rtcp = new byte[8 + SRTP_HEADROOM];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 201;
        rtcp[3] = 1;
        session.protectRtcp(rtcp, 0, 8);
      }
    }
  }

}
