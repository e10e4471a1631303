package io.kaihui.bench.jmh;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.rtp.Vp8PayloadDescriptor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a consumer does to a forwarded packet's header before SRTP (RFC 3550 §5.1): read the
 * sequence number and timestamp, tell whether a VP8 payload starts a keyframe (RFC 7741 §4.3),
 * and write its own SSRC, payload type, sequence number and timestamp; with a one-byte header
 * extension (RFC 8285) as Chromium sends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtpRewriteBench {

  private final byte[] packet = new byte[1200];
  private int sequenceOffset = 4321;
  private long timestampOffset = 987_654_321L;

  @Setup
  public void setUp() {
    new Random(3).nextBytes(packet);
    packet[0] = (byte) 0x90; // version 2, extension
    RtpPacket.setPayloadType(packet, 0, 96);
    // One-byte extension header (0xBEDE), 2 words: transport-cc (id 3) and abs-send-time.
    packet[12] = (byte) 0xBE;
    packet[13] = (byte) 0xDE;
    packet[14] = 0;
    packet[15] = 2;
    packet[16] = 0x31;
    packet[19] = 0x22;
    packet[20] = 0;
    packet[21] = 0;
    packet[22] = 0;
    packet[23] = 0;
    packet[24] = (byte) 0x90; // VP8 descriptor: X, S
    packet[25] = (byte) 0x80;
  }

  /** Reads, classifies and rewrites one header; returns the new sequence number. */
  @Benchmark
  public int rewrite() {
    int seq = RtpPacket.sequenceNumber(packet, 0);
    long ts = RtpPacket.timestamp(packet, 0);
    int payloadOff = RtpPacket.payloadOffset(packet, 0, packet.length);
    int payloadLen = RtpPacket.payloadLength(packet, 0, packet.length);
    boolean keyframe = Vp8PayloadDescriptor.isKeyframe(packet, payloadOff, payloadLen);
    int out = (seq + sequenceOffset) & 0xFFFF;
    RtpPacket.setSsrc(packet, 0, 0xCAFE_F00DL);
    RtpPacket.setPayloadType(packet, 0, keyframe ? 96 : 97);
    RtpPacket.setSequenceNumber(packet, 0, out);
    RtpPacket.setTimestamp(packet, 0, (ts + timestampOffset) & 0xFFFF_FFFFL);
    sequenceOffset++;
    return out;
  }
}
