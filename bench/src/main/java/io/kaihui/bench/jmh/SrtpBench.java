package io.kaihui.bench.jmh;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpProfile;
import io.kaihui.media.srtp.SrtpSession;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRTP protect and unprotect of one RTP packet (12-byte header, {@code payload} bytes) through
 * the engine's {@link SrtpSession} (jitsi-srtp), per profile. Each operation gets a new
 * sequence number, as on the wire, so replay protection is exercised as in use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpBench {

  @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
  public String profile;

  @Param({"160", "1100"})
  public int payload;

  private SrtpSession sender;
  private SrtpSession receiver;
  private byte[] packet;
  private byte[] buf;
  private int sequence;

  @Setup
  public void setUp() {
    SrtpProfile p = SrtpProfile.valueOf(profile);
    Random random = new Random(1);
    byte[] material = new byte[p.keyingMaterialLength()];
    random.nextBytes(material);
    SrtpKeys server = SrtpKeys.fromKeyingMaterial(p, material, true);
    sender = new SrtpSession(server);
    receiver = new SrtpSession(server.mirror());
    packet = new byte[12 + payload];
    random.nextBytes(packet);
    packet[0] = (byte) 0x80;
    RtpPacket.setPayloadType(packet, 0, 96);
    RtpPacket.setSsrc(packet, 0, 0x1234_5678L);
    buf = new byte[packet.length + SrtpSession.maxOverhead()];
  }

  @TearDown
  public void tearDown() {
    sender.close();
    receiver.close();
  }

  /** Protects one packet; returns its SRTP length. */
  @Benchmark
  public int protect() {
    System.arraycopy(packet, 0, buf, 0, packet.length);
    RtpPacket.setSequenceNumber(buf, 0, sequence++ & 0xFFFF);
    return sender.protectRtp(buf, 0, packet.length);
  }

  /** Protects one packet, then unprotects it as the receiver: both ends of one hop. */
  @Benchmark
  public int protectAndUnprotect() {
    System.arraycopy(packet, 0, buf, 0, packet.length);
    RtpPacket.setSequenceNumber(buf, 0, sequence++ & 0xFFFF);
    int len = sender.protectRtp(buf, 0, packet.length);
    return receiver.unprotectRtp(buf, 0, len);
  }
}
