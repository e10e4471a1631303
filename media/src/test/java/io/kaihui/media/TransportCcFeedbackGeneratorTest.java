package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.rtcp.RtcpPacket;
import io.kaihui.media.rtcp.RtcpParseException;
import io.kaihui.media.rtcp.RtcpParser;
import io.kaihui.media.rtcp.TransportCcFeedback;
import io.kaihui.media.rtcp.TransportCcFeedback.PacketStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TransportCcFeedbackGenerator}: arrivals in, feedback out, read back with
 * {@link RtcpParser}; sequence number wrap-around, reordering, losses, duplicates, gaps in time
 * and in numbers, splitting at the size limit, and when feedback is due.
 */
class TransportCcFeedbackGeneratorTest {

  private static final long SENDER = 0x5EED5EEDL;
  private static final long MEDIA = 0x0A0B0C0DL;
  private static final long MS = 1_000_000L;
  /** An arrival-time origin on a 64 ms boundary, in ns (negative: nanoTime may be). */
  private static final long T0 = -64 * MS * 1_000_003;

  private final TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator(SENDER);

  private static PacketStatus r(int delta) {
    return PacketStatus.received(delta);
  }

  private static final PacketStatus N = PacketStatus.NOT_RECEIVED;

  /** All feedback the generator has now, parsed. */
  private List<TransportCcFeedback> drain() throws RtcpParseException {
    List<TransportCcFeedback> out = new ArrayList<>();
    byte[] buf = new byte[TransportCcFeedbackGenerator.MAX_FEEDBACK_SIZE + 7];
    int len;
    while ((len = generator.nextFeedback(buf, 7)) > 0) {
      assertThat(len).isLessThanOrEqualTo(TransportCcFeedbackGenerator.MAX_FEEDBACK_SIZE);
      List<RtcpPacket> packets = RtcpParser.parseCompound(buf, 7, len);
      assertThat(packets).hasSize(1);
      out.add((TransportCcFeedback) packets.getFirst());
      assertThat(out.size()).as("feedback packets for one drain").isLessThan(1000);
    }
    assertThat(generator.waiting()).isZero();
    return out;
  }

  /** Receive times in µs by sequence number, from the reference time and deltas (§3.1.5). */
  private static Map<Integer, Long> receiveTimes(List<TransportCcFeedback> feedback) {
    Map<Integer, Long> times = new LinkedHashMap<>();
    for (TransportCcFeedback f : feedback) {
      long t = (long) f.referenceTime() * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS;
      for (int i = 0; i < f.packets().size(); i++) {
        PacketStatus s = f.packets().get(i);
        if (s.received()) {
          t += (long) s.receiveDelta() * TransportCcFeedback.DELTA_UNIT_MICROS;
          times.put(f.sequenceNumber(i), t);
        }
      }
    }
    return times;
  }

  @Test
  void reportsPacketsInOrderWithTheirDeltas() throws RtcpParseException {
    // 10 packets 5 ms apart, the first 3.25 ms after a 64 ms boundary.
    long first = T0 + 3_250_000;
    for (int i = 0; i < 10; i++) {
      generator.onPacket(100 + i, MEDIA, first + i * 5 * MS);
    }
    List<TransportCcFeedback> feedback = drain();
    assertThat(feedback).singleElement().satisfies(f -> {
      assertThat(f.senderSsrc()).isEqualTo(SENDER);
      assertThat(f.mediaSsrc()).isEqualTo(MEDIA);
      assertThat(f.baseSequenceNumber()).isEqualTo(100);
      assertThat(f.feedbackPacketCount()).isZero();
      // -1_000_003 in units of 64 ms, modulo 2^24.
      assertThat(f.referenceTime()).isEqualTo((1 << 24) - 1_000_003);
      assertThat(f.packets()).containsExactly(r(13), r(20), r(20), r(20), r(20), r(20), r(20),
          r(20), r(20), r(20));
    });
    assertThat(generator.packetsRecorded()).isEqualTo(10);
    // Nothing new: no feedback, however often asked.
    assertThat(drain()).isEmpty();
    generator.onPacket(110, MEDIA, first + 60 * MS);
    assertThat(drain()).singleElement().satisfies(f -> {
      assertThat(f.baseSequenceNumber()).isEqualTo(110);
      assertThat(f.feedbackPacketCount()).isEqualTo(1);
      assertThat(f.packets()).hasSize(1);
    });
  }

  @Test
  void followsTheSequenceNumberAcrossTheWrap() throws RtcpParseException {
    for (int i = 0; i < 12; i++) {
      generator.onPacket((65530 + i) & 0xFFFF, MEDIA, T0 + i * MS);
    }
    TransportCcFeedback f = drain().getFirst();
    assertThat(f.baseSequenceNumber()).isEqualTo(65530);
    assertThat(f.packets()).hasSize(12).allMatch(PacketStatus::received);
    assertThat(f.sequenceNumber(11)).isEqualTo(5);
    // And on, past the wrap, many times.
    for (int i = 12; i < 200_000; i += 1) {
      generator.onPacket((65530 + i) & 0xFFFF, MEDIA, T0 + i * MS);
      if (i % 1000 == 0) {
        assertThat(drain()).allSatisfy(x -> assertThat(x.packets()).allMatch(
            PacketStatus::received));
      }
    }
    assertThat(receiveTimes(drain())).containsKey((65530 + 199_999) & 0xFFFF);
    assertThat(generator.packetsIgnored()).isZero();
  }

  @Test
  void reportsLossesAsNotReceived() throws RtcpParseException {
    generator.onPacket(1, MEDIA, T0);
    generator.onPacket(2, MEDIA, T0 + MS);
    generator.onPacket(5, MEDIA, T0 + 2 * MS);
    generator.onPacket(6, MEDIA, T0 + 3 * MS);
    assertThat(drain()).singleElement().satisfies(f -> {
      assertThat(f.baseSequenceNumber()).isEqualTo(1);
      assertThat(f.packets()).containsExactly(r(0), r(4), N, N, r(4), r(4));
    });
  }

  @Test
  void reportsAReorderedPacketWithANegativeDelta() throws RtcpParseException {
    generator.onPacket(1, MEDIA, T0);
    generator.onPacket(3, MEDIA, T0 + MS);
    generator.onPacket(2, MEDIA, T0 + 2 * MS);
    // In sequence order: 1 at 0, 2 at 2 ms, 3 at 1 ms.
    assertThat(drain().getFirst().packets()).containsExactly(r(0), r(8), r(-4));
  }

  @Test
  void aLatePacketIsReportedAgainAfterItsLoss() throws RtcpParseException {
    generator.onPacket(1, MEDIA, T0);
    generator.onPacket(3, MEDIA, T0 + MS);
    assertThat(drain().getFirst().packets()).containsExactly(r(0), N, r(4));
    generator.onPacket(2, MEDIA, T0 + 2 * MS);
    generator.onPacket(4, MEDIA, T0 + 3 * MS);
    // libwebrtc's way: the next feedback starts at the late packet and reports 3 again.
    List<TransportCcFeedback> again = drain();
    assertThat(again).singleElement().satisfies(f -> {
      assertThat(f.baseSequenceNumber()).isEqualTo(2);
      assertThat(f.packets()).containsExactly(r(8), r(-4), r(8));
    });
    assertThat(receiveTimes(again)).containsEntry(2, t0Micros() + 2000)
        .containsEntry(3, t0Micros() + 1000).containsEntry(4, t0Micros() + 3000);
  }

  @Test
  void ignoresDuplicatesAndPacketsBehindTheWindow() throws RtcpParseException {
    generator.onPacket(10, MEDIA, T0);
    generator.onPacket(10, MEDIA, T0 + 5 * MS);
    assertThat(generator.packetsIgnored()).isEqualTo(1);
    assertThat(drain().getFirst().packets()).containsExactly(r(0));
    for (int i = 1; i <= TransportCcFeedbackGenerator.WINDOW; i++) {
      generator.onPacket(10 + i, MEDIA, T0 + i * MS / 10);
    }
    drain();
    // 10 is now exactly WINDOW numbers behind the highest: too old to report.
    assertThat(generator.onPacket(10, MEDIA, T0 + 2000 * MS)).isFalse();
    assertThat(generator.packetsIgnored()).isEqualTo(2);
    assertThat(generator.waiting()).isZero();
  }

  @Test
  void aJumpBeyondTheWindowReportsOnlyTheWindow() throws RtcpParseException {
    generator.onPacket(1, MEDIA, T0);
    generator.onPacket(2, MEDIA, T0 + MS);
    // 30000 ahead: the 16-bit difference is still positive.
    generator.onPacket(30_002, MEDIA, T0 + 2 * MS);
    List<TransportCcFeedback> feedback = drain();
    int statuses = feedback.stream().mapToInt(f -> f.packets().size()).sum();
    assertThat(statuses).isEqualTo(TransportCcFeedbackGenerator.WINDOW);
    assertThat(feedback.getFirst().baseSequenceNumber())
        .isEqualTo(30_002 - TransportCcFeedbackGenerator.WINDOW + 1);
    assertThat(receiveTimes(feedback)).containsOnlyKeys(30_002);
  }

  @Test
  void aGapOfMoreThan8SecondsStartsANewFeedback() throws RtcpParseException {
    generator.onPacket(1, MEDIA, T0);
    generator.onPacket(2, MEDIA, T0 + 100 * MS);
    generator.onPacket(4, MEDIA, T0 + 9_000 * MS);
    generator.onPacket(5, MEDIA, T0 + 9_001 * MS);
    List<TransportCcFeedback> feedback = drain();
    assertThat(feedback).hasSize(2);
    // The loss of 3 goes with the first; the second has its own reference time, 140 × 64 ms
    // later, and 4 arrived 40 ms after it.
    assertThat(feedback.get(0).packets()).containsExactly(r(0), r(400), N);
    assertThat(feedback.get(1).baseSequenceNumber()).isEqualTo(4);
    assertThat(feedback.get(1).packets()).containsExactly(r(160), r(4));
    assertThat(feedback.get(1).referenceTime() - feedback.get(0).referenceTime())
        .isEqualTo(9_000 / 64);
    assertThat(List.of(feedback.get(0).feedbackPacketCount(),
        feedback.get(1).feedbackPacketCount())).containsExactly(0, 1);
    Map<Integer, Long> times = receiveTimes(feedback);
    assertThat(times.get(5) - times.get(1)).isEqualTo(9_001_000);
  }

  @Test
  void splitsLargeReportsAndKeepsEveryTimeWithinHalfATick() throws RtcpParseException {
    Random random = new Random(64L);
    Map<Integer, Long> sent = new LinkedHashMap<>();
    long t = T0 + 17_123_456;
    int seq = 60_000;
    for (int i = 0; i < 5_000; i++) {
      // Arrivals 0..80 ms apart with ns precision, 10 % lost.
      t += random.nextInt(80_000_000);
      if (i == 0 || random.nextInt(10) > 0) {
        generator.onPacket(seq, MEDIA, t);
        sent.put(seq, Math.floorDiv(t, 1000));
      }
      seq = (seq + 1) & 0xFFFF;
    }
    List<TransportCcFeedback> feedback = drain();
    assertThat(feedback).hasSizeGreaterThan(3);
    int expectedBase = 60_000;
    for (int i = 0; i < feedback.size(); i++) {
      assertThat(feedback.get(i).baseSequenceNumber()).isEqualTo(expectedBase);
      assertThat(feedback.get(i).feedbackPacketCount()).isEqualTo(i);
      expectedBase = (expectedBase + feedback.get(i).packets().size()) & 0xFFFF;
    }
    Map<Integer, Long> times = receiveTimes(feedback);
    assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
    long wrap = (1L << 24) * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS;
    for (Map.Entry<Integer, Long> e : sent.entrySet()) {
      long error = Math.floorMod(times.get(e.getKey()) - e.getValue(), wrap);
      error = error > wrap / 2 ? error - wrap : error;
      assertThat(Math.abs(error)).as("seq %d", e.getKey()).isLessThanOrEqualTo(125);
    }
  }

  @Test
  void isDueEveryTickAtVideoRatesAndEverySecondTickBelow() {
    assertThat(generator.feedbackDue()).isFalse();
    generator.onPacket(1, MEDIA, T0);
    assertThat(generator.feedbackDue()).isFalse();
    assertThat(generator.feedbackDue()).isTrue();
    for (int i = 2; i < 2 + TransportCcFeedbackGenerator.FAST_FEEDBACK_PACKETS; i++) {
      generator.onPacket(i, MEDIA, T0);
    }
    assertThat(generator.feedbackDue()).isTrue();
  }

  @Test
  void asksForFeedbackAtOnceWhenManyPacketsWait() {
    boolean early = false;
    int n = 0;
    while (!early) {
      early = generator.onPacket(n, MEDIA, T0 + n * MS);
      n++;
    }
    assertThat(n).isEqualTo(TransportCcFeedbackGenerator.EARLY_FEEDBACK_PACKETS);
  }

  private static long t0Micros() {
    return Math.floorMod(T0 / 1000, (1L << 24) * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS);
  }
}
