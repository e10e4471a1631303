package io.kaihui.bench.jmh;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.testing.LoopbackMeeting;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.media.testing.SyntheticPeerConnection;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The whole receive–forward path for one audio packet to {@code consumers} subscribers, on the
 * real engine over loopback UDP: a synthetic publisher protects and sends one RTP packet; the
 * engine receives, unprotects, and for each consumer rewrites, protects and sends it; each
 * synthetic subscriber receives and unprotects its copy. One operation ends when every
 * subscriber has its copy, so the time includes both ends' SRTP and the kernel's UDP on
 * loopback. Must run inside a loopback-only namespace on this workplace's machines (as every
 * ICE speaker), which the JMH launcher in this module arranges.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForwardBench {

  @Param({"1", "8", "32"})
  public int consumers;

  private MediaEngine engine;
  private LoopbackMeeting meeting;
  private final List<SyntheticPeerConnection> receivers = new ArrayList<>();
  private SyntheticPeerConnection sender;
  private long ssrc;
  private final byte[] packet = new byte[12 + 120];
  private int sequence;
  private long timestamp;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    engine = MediaEngine.start(new MediaEngineConfig(lo, 0, List.of(lo), Duration.ofSeconds(30)));
    meeting = new LoopbackMeeting(engine);
    SyntheticParticipant.Options options = SyntheticParticipant.Options.chromium()
        .withKeyframeInterval(Duration.ZERO);
    for (int i = 0; i < consumers; i++) {
      LoopbackMeeting.Member m = meeting.join(new SyntheticParticipant("s" + i, options));
      receivers.add(m.participant().subscribeConnection());
    }
    LoopbackMeeting.Member publisher = meeting.join(new SyntheticParticipant("pub", options));
    meeting.publish(publisher);
    sender = publisher.participant().publishConnection();
    ssrc = publisher.participant().audioSsrc();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!sender.isConnected() || !receivers.stream().allMatch(r -> r.isConnected())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the loopback meeting did not connect in 20 s");
      }
      Thread.sleep(20);
    }
    packet[0] = (byte) 0x80;
    RtpPacket.setPayloadType(packet, 0, 111);
    RtpPacket.setSsrc(packet, 0, ssrc);
    packet[12] = (byte) (15 << 3);
    // Until every subscriber gets packets (its consumer sees the transport connected).
    while (!forwardOnce(2_000_000_000L)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("packets are not forwarded to every subscriber");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    meeting.close();
    engine.close();
  }

  /** Sends one packet and waits until every subscriber has received it. */
  @Benchmark
  public boolean forward() {
    return forwardOnce(1_000_000_000L);
  }

  private boolean forwardOnce(long timeoutNanos) {
    long[] before = new long[receivers.size()];
    for (int i = 0; i < before.length; i++) {
      before[i] = receivers.get(i).rtpReceived();
    }
    RtpPacket.setSequenceNumber(packet, 0, sequence++ & 0xFFFF);
    RtpPacket.setTimestamp(packet, 0, timestamp);
    timestamp = (timestamp + 960) & 0xFFFF_FFFFL;
    sender.sendRtp(packet, 0, packet.length);
    long deadline = System.nanoTime() + timeoutNanos;
    for (int i = 0; i < before.length; i++) {
      while (receivers.get(i).rtpReceived() == before[i]) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.onSpinWait();
      }
    }
    return true;
  }
}
