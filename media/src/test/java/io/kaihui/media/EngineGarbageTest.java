package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.stun.StunClass;
import io.kaihui.media.stun.StunMessage;
import io.kaihui.media.stun.StunMessageBuilder;
import io.kaihui.media.testing.Await;
import io.kaihui.media.testing.LoopbackMeeting;
import io.kaihui.media.testing.LoopbackMeeting.Member;
import io.kaihui.media.testing.OfferedTrack;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.ServerIceParameters;
import io.kaihui.media.testing.SyntheticParticipant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Garbage on the media port while two synthetic participants are in a call: random bytes of
 * every first-byte class of RFC 7983, truncated STUN, STUN that fails the credential check, DTLS
 * and RTP from an address no check has bound, and bad SRTP, SRTCP and DTLS from the very address
 * of a participant. Each datagram is dropped and counted under exactly the counter its kind
 * calls for — an exception would show as {@link MediaCounter#INTERNAL_ERRORS} — and the call goes
 * on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineGarbageTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final List<MediaCounter> DROPS = List.of(
      MediaCounter.UNKNOWN_PROTOCOL_DROPPED, MediaCounter.UNKNOWN_SOURCE_DROPPED,
      MediaCounter.STUN_MALFORMED, MediaCounter.STUN_REJECTED, MediaCounter.SRTP_FAILED,
      MediaCounter.RTP_DROPPED, MediaCounter.RTCP_MALFORMED, MediaCounter.DTLS_RECORDS,
      MediaCounter.INTERNAL_ERRORS);

  private final Random random = new Random(7983);
  private MediaEngine engine;
  private LoopbackMeeting meeting;
  private DatagramSocket stranger;
  private InetSocketAddress sfu;

  @BeforeEach
  void start() throws IOException {
    engine = MediaEngine.start(
        new MediaEngineConfig(LOOPBACK, 0, List.of(LOOPBACK), Duration.ofSeconds(30)));
    meeting = new LoopbackMeeting(engine);
    stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    sfu = new InetSocketAddress(LOOPBACK, engine.port());
  }

  @AfterEach
  void stop() {
    stranger.close();
    meeting.close();
    engine.close();
  }

  @Test
  void garbageIsDroppedAndCountedAndTheCallGoesOn() throws Exception {
    Member a = meeting.join(new SyntheticParticipant("a", SyntheticParticipant.Options.chromium()));
    ServerIceParameters aServer = ServerIceParameters.of(
        SessionDescription.parse(meeting.publish(a).answerSdp()));
    a.participant().startMedia();
    Member b = meeting.join(new SyntheticParticipant("b", SyntheticParticipant.Options.chromium()));
    meeting.publish(b);
    b.participant().startMedia();
    ReceivedStream aAtB = awaitAudio(b, a, 10);
    ReceivedStream bAtA = awaitAudio(a, b, 10);
    Consumer<byte[]> fromStranger = this::sendFromStranger;
    Consumer<byte[]> fromA = a.participant().publishConnection()::sendRaw;

    // Random bytes of every first byte, from a stranger; some empty or one byte long.
    List<byte[]> anyFirstByte = new ArrayList<>();
    anyFirstByte.add(new byte[0]);
    for (int first = 0; first < 256; first++) {
      for (int length : new int[] {1, 2 + random.nextInt(30), 20 + random.nextInt(1180)}) {
        byte[] d = randomBytes(length);
        d[0] = (byte) first;
        anyFirstByte.add(d);
      }
    }
    sendAndCount(fromStranger, anyFirstByte, expectedFromStranger(anyFirstByte));

    // A valid check of a's publish transport, cut short at every length.
    byte[] check = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST, randomBytes(12))
        .username(aServer.ufrag() + ":evil").priority(1853824767).iceControlling(42)
        .useCandidate().build(aServer.password().getBytes(StandardCharsets.UTF_8), true);
    List<byte[]> truncated = new ArrayList<>();
    for (int n = 1; n < check.length; n++) {
      truncated.add(Arrays.copyOf(check, n));
    }
    sendAndCount(fromStranger, truncated,
        Map.of(MediaCounter.STUN_MALFORMED, (long) truncated.size()));

    // Well-formed checks that fail the short-term credential check (RFC 8489 §9.1.3).
    List<byte[]> unauthentic = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      unauthentic.add(check(aServer.ufrag() + ":evil", "not-the-password-" + i, true));
      unauthentic.add(check("nobody:evil", aServer.password(), true));
      unauthentic.add(check(aServer.ufrag() + ":evil", null, true));
      byte[] badFingerprint = check(aServer.ufrag() + ":evil", aServer.password(), true);
      badFingerprint[badFingerprint.length - 1] ^= 0x55;
      unauthentic.add(badFingerprint);
    }
    sendAndCount(fromStranger, unauthentic,
        Map.of(MediaCounter.STUN_REJECTED, (long) unauthentic.size()));

    // DTLS, RTP and RTCP that look right, from an address no check has bound.
    List<byte[]> unbound = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      unbound.add(dtlsRecord(22, 0));
      unbound.add(rtp(a.participant().audioSsrc(), 111));
      unbound.add(rtcp(200 + i % 5, a.participant().videoSsrc()));
    }
    sendAndCount(fromStranger, unbound,
        Map.of(MediaCounter.UNKNOWN_SOURCE_DROPPED, (long) unbound.size()));

    // Bad SRTP and SRTCP from a's own address: a's SSRCs, unknown SSRCs, too short.
    List<byte[]> badSrtp = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      badSrtp.add(rtp(a.participant().audioSsrc(), 111));
      badSrtp.add(rtp(a.participant().videoSsrc(), 96));
      badSrtp.add(rtp(random.nextInt() & 0xFFFF_FFFFL, 96));
      badSrtp.add(rtcp(200 + i % 5, a.participant().audioSsrc()));
      badSrtp.add(Arrays.copyOf(rtp(a.participant().audioSsrc(), 111), 2 + random.nextInt(20)));
    }
    sendAndCount(fromA, badSrtp, Map.of(MediaCounter.SRTP_FAILED, (long) badSrtp.size()));

    // DTLS records from a's own address after the handshake: handed to DTLS, which drops them.
    List<byte[]> badDtls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      badDtls.add(dtlsRecord(20 + random.nextInt(4), i % 2));
      byte[] any = randomBytes(1 + random.nextInt(300));
      any[0] = (byte) (20 + random.nextInt(44));
      badDtls.add(any);
    }
    sendAndCount(fromA, badDtls, Map.of(MediaCounter.DTLS_RECORDS, (long) badDtls.size()));

    // The call goes on both ways, and nobody was closed.
    long aBefore = aAtB.packets();
    long bBefore = bAtA.packets();
    Await.until(WAIT, "audio keeps flowing both ways after the garbage", () ->
        aAtB.packets() > aBefore + 25 && bAtA.packets() > bBefore + 25);
    assertThat(a.closeReasons()).isEmpty();
    assertThat(b.closeReasons()).isEmpty();
    assertThat(engine.counter(MediaCounter.INTERNAL_ERRORS)).isZero();
    for (Member m : List.of(a, b)) {
      assertThat(m.participant().subscribeConnection().srtpFailures()).isZero();
      assertThat(m.participant().subscribeConnection().receiveError()).isNull();
    }
  }

  /** What the SFU must count for each datagram from a stranger, by RFC 7983 class. */
  private static Map<MediaCounter, Long> expectedFromStranger(List<byte[]> datagrams) {
    Map<MediaCounter, Long> expected = new EnumMap<>(MediaCounter.class);
    for (byte[] d : datagrams) {
      int b0 = d.length == 0 ? -1 : d[0] & 0xFF;
      MediaCounter c;
      if (b0 < 0) {
        c = MediaCounter.UNKNOWN_PROTOCOL_DROPPED;
      } else if (b0 <= 3) {
        c = MediaCounter.STUN_MALFORMED;
      } else if (b0 >= 20 && b0 <= 63) {
        c = MediaCounter.UNKNOWN_SOURCE_DROPPED;
      } else if (b0 >= 128 && b0 <= 191 && d.length >= 2) {
        c = MediaCounter.UNKNOWN_SOURCE_DROPPED;
      } else {
        c = MediaCounter.UNKNOWN_PROTOCOL_DROPPED;
      }
      expected.merge(c, 1L, Long::sum);
    }
    return expected;
  }

  /**
   * Sends datagrams a few at a time, each batch once the SFU has counted the one before (so no
   * socket buffer overflows), then checks that every drop counter grew by exactly the expected
   * amount and the others not at all.
   */
  private void sendAndCount(Consumer<byte[]> sender, List<byte[]> datagrams,
      Map<MediaCounter, Long> expected) {
    Map<MediaCounter, Long> before = snapshot();
    int sent = 0;
    for (int from = 0; from < datagrams.size(); from += 32) {
      for (byte[] d : datagrams.subList(from, Math.min(datagrams.size(), from + 32))) {
        sender.accept(d);
        sent++;
      }
      int total = sent;
      Await.until(WAIT, () -> total + " datagrams counted as drops, counted: "
          + deltas(before), () -> sum(deltas(before)) >= total);
    }
    Map<MediaCounter, Long> deltas = deltas(before);
    for (MediaCounter c : DROPS) {
      assertThat(deltas.get(c)).as("%s", c).isEqualTo(expected.getOrDefault(c, 0L));
    }
  }

  private Map<MediaCounter, Long> snapshot() {
    Map<MediaCounter, Long> values = new EnumMap<>(MediaCounter.class);
    for (MediaCounter c : DROPS) {
      values.put(c, engine.counter(c));
    }
    return values;
  }

  private Map<MediaCounter, Long> deltas(Map<MediaCounter, Long> before) {
    Map<MediaCounter, Long> deltas = new EnumMap<>(MediaCounter.class);
    for (MediaCounter c : DROPS) {
      deltas.put(c, engine.counter(c) - before.get(c));
    }
    return deltas;
  }

  private static long sum(Map<MediaCounter, Long> values) {
    return values.values().stream().mapToLong(Long::longValue).sum();
  }

  private byte[] check(String username, String passwordOrNull, boolean fingerprint) {
    return new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST, randomBytes(12))
        .username(username).priority(1853824767).iceControlling(random.nextLong())
        .build(passwordOrNull == null ? null : passwordOrNull.getBytes(StandardCharsets.UTF_8),
            fingerprint);
  }

  /** A DTLS 1.2 record header (RFC 6347 §4.1) of the given content type and epoch, and noise. */
  private byte[] dtlsRecord(int contentType, int epoch) {
    byte[] body = randomBytes(1 + random.nextInt(200));
    byte[] r = new byte[13 + body.length];
    r[0] = (byte) contentType;
    r[1] = (byte) 0xFE;
    r[2] = (byte) 0xFD;
    r[4] = (byte) epoch;
    r[11] = (byte) (body.length >>> 8);
    r[12] = (byte) body.length;
    System.arraycopy(body, 0, r, 13, body.length);
    return r;
  }

  /** An RTP header (RFC 3550 §5.1) and noise where payload and SRTP tag would be. */
  private byte[] rtp(long ssrc, int payloadType) {
    byte[] p = randomBytes(12 + 16 + random.nextInt(1000));
    p[0] = (byte) 0x80;
    p[1] = (byte) payloadType;
    p[8] = (byte) (ssrc >>> 24);
    p[9] = (byte) (ssrc >>> 16);
    p[10] = (byte) (ssrc >>> 8);
    p[11] = (byte) ssrc;
    return p;
  }

  /** An RTCP header (RFC 3550 §6.4) of the given type and sender SSRC, and noise. */
  private byte[] rtcp(int packetType, long ssrc) {
    byte[] p = randomBytes(8 + 20 + 4 * random.nextInt(50));
    p[0] = (byte) 0x80;
    p[1] = (byte) packetType;
    p[4] = (byte) (ssrc >>> 24);
    p[5] = (byte) (ssrc >>> 16);
    p[6] = (byte) (ssrc >>> 8);
    p[7] = (byte) ssrc;
    return p;
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private void sendFromStranger(byte[] d) {
    try {
      stranger.send(new DatagramPacket(d, d.length, sfu));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReceivedStream awaitAudio(Member subscriber, Member publisher, long packets) {
    Await.until(WAIT, subscriber + " receives " + publisher + "'s audio", () -> {
      for (OfferedTrack t : subscriber.participant().activeSubscribedTracks()) {
        if (t.streamId().equals(publisher.id()) && t.kind() == MediaKind.AUDIO) {
          ReceivedStream s = subscriber.participant().subscribeConnection().stream(t.ssrc());
          return s != null && s.packets() >= packets;
        }
      }
      return false;
    });
    for (OfferedTrack t : subscriber.participant().activeSubscribedTracks()) {
      if (t.streamId().equals(publisher.id()) && t.kind() == MediaKind.AUDIO) {
        return subscriber.participant().subscribeConnection().stream(t.ssrc());
      }
    }
    throw new AssertionError("unreachable");
  }
}
