package io.kaihui.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;

class RtpStreamReceiveStatsTest {

  private static final int VIDEO_CLOCK = 90_000;
  private static final long MS = 1_000_000L;
  private static final long SSRC = 0x4B1D_0001L;

  /** An arbitrary System.nanoTime() origin; negative values are legal readings. */
  private static final long T0 = -7_000_000_000L;

  private final RtpStreamReceiveStats stats = new RtpStreamReceiveStats(VIDEO_CLOCK);

  /** Delivers packet {@code seq} of a 50 packets/s stream (1800 ticks apart) exactly on time. */
  private boolean onTime(int seq) {
    return stats.onPacket(seq, 1800L * seq, T0 + seq * 20 * MS);
  }

  @Test
  void countsInOrderPacketsAfterProbation() {
    assertThat(onTime(1000)).as("first packet: on probation").isFalse();
    for (int seq = 1001; seq < 1100; seq++) {
      assertThat(onTime(seq)).isTrue();
    }
    assertThat(stats.isValid()).isTrue();
    // RFC 3550 A.1: counting starts with the packet that ends probation.
    assertThat(stats.packetsReceived()).isEqualTo(99);
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(1099);
    assertThat(stats.cumulativeLost()).isZero();

    ReportBlock block = stats.reportBlock(SSRC, T0);
    assertThat(block).isEqualTo(new ReportBlock(SSRC, 0, 0, 1099, 0, 0, 0));
  }

  @Test
  void reportsLossAndFractionPerInterval() {
    for (int seq = 1; seq <= 100; seq++) {
      if (seq < 20 || seq > 29) {
        onTime(seq);
      }
    }
    // Base is 2 (probation ended there): expected 99, received 89.
    assertThat(stats.packetsReceived()).isEqualTo(89);
    assertThat(stats.cumulativeLost()).isEqualTo(10);
    ReportBlock first = stats.reportBlock(SSRC, T0);
    assertThat(first.fractionLost()).isEqualTo(10 * 256 / 99);
    assertThat(first.cumulativeLost()).isEqualTo(10);
    assertThat(first.extendedHighestSequence()).isEqualTo(100);

    for (int seq = 101; seq <= 200; seq++) {
      onTime(seq);
    }
    ReportBlock second = stats.reportBlock(SSRC, T0);
    assertThat(second.fractionLost()).as("no loss in the second interval").isZero();
    assertThat(second.cumulativeLost()).isEqualTo(10);
    assertThat(second.extendedHighestSequence()).isEqualTo(200);

    for (int seq = 201; seq <= 204; seq++) {
      if (seq != 202) {
        onTime(seq);
      }
    }
    assertThat(stats.reportBlock(SSRC, T0).fractionLost()).isEqualTo(256 / 4);
  }

  @Test
  void reorderedPacketsAreNotLost() {
    for (int seq : new int[] {1, 2, 3, 5, 4, 6}) {
      onTime(seq);
    }
    assertThat(stats.packetsReceived()).isEqualTo(5);
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(6);
    assertThat(stats.cumulativeLost()).isZero();
    assertThat(stats.reportBlock(SSRC, T0).fractionLost()).isZero();
  }

  @Test
  void duplicatesMakeLossNegative() {
    for (int seq : new int[] {1, 2, 3, 3, 4}) {
      assertThat(onTime(seq)).isEqualTo(seq != 1);
    }
    assertThat(stats.packetsReceived()).isEqualTo(4);
    assertThat(stats.cumulativeLost()).isEqualTo(-1);
    ReportBlock block = stats.reportBlock(SSRC, T0);
    assertThat(block.cumulativeLost()).isEqualTo(-1);
    assertThat(block.fractionLost()).isZero();
  }

  @Test
  void countsCyclesWhenSequenceNumbersWrap() {
    for (int i = 0; i < 16; i++) {
      onTime((65530 + i) & 0xFFFF);
    }
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(65536 + 9);
    assertThat(stats.packetsReceived()).isEqualTo(15);
    assertThat(stats.cumulativeLost()).isZero();
    assertThat(stats.reportBlock(SSRC, T0).extendedHighestSequence()).isEqualTo(65545);
  }

  @Test
  void probationEndsOnTheWrapToo() {
    assertThat(onTime(65535)).isFalse();
    assertThat(onTime(0)).isTrue();
    assertThat(stats.extendedHighestSequenceNumber()).isZero();
  }

  @Test
  void probationRestartsWhenTheSecondPacketIsOutOfSequence() {
    assertThat(onTime(1)).isFalse();
    assertThat(onTime(5)).isFalse();
    assertThat(stats.isValid()).isFalse();
    assertThat(onTime(6)).isTrue();
    assertThat(stats.packetsReceived()).isEqualTo(1);
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(6);
  }

  @Test
  void ignoresASingleLargeJump() {
    for (int seq = 1; seq <= 10; seq++) {
      onTime(seq);
    }
    assertThat(onTime(20_000)).isFalse();
    assertThat(onTime(11)).isTrue();
    assertThat(stats.packetsReceived()).isEqualTo(10);
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(11);
    assertThat(stats.cumulativeLost()).isZero();
  }

  @Test
  void resynchronisesWhenTheSourceRestarts() {
    for (int seq = 1; seq <= 10; seq++) {
      onTime(seq);
    }
    assertThat(onTime(20_000)).isFalse();
    assertThat(onTime(20_001)).as("a second packet in sequence confirms the jump").isTrue();
    assertThat(stats.packetsReceived()).isEqualTo(1);
    assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(20_001);
    assertThat(stats.cumulativeLost()).isZero();
    assertThat(onTime(20_002)).isTrue();
    assertThat(stats.reportBlock(SSRC, T0).cumulativeLost()).isZero();
  }

  @Test
  void restartsJitterMeasurementWhenTheSourceRestarts() {
    for (int seq = 1; seq <= 10; seq++) {
      onTime(seq);
    }
    // The restarted sender picked a new random timestamp base: without a fresh transit
    // baseline the jump would count as a jitter sample of 10^9 ticks.
    long newBase = 1_000_000_000L;
    stats.onPacket(20_000, newBase, T0 + 11 * 20 * MS);
    assertThat(stats.onPacket(20_001, newBase + 1800, T0 + 12 * 20 * MS)).isTrue();
    stats.onPacket(20_002, newBase + 3600, T0 + 13 * 20 * MS);
    assertThat(stats.jitter()).isZero();
  }

  @Test
  void takesGapsBelowMaxDropoutAsLoss() {
    onTime(1);
    onTime(2);
    assertThat(onTime(2 + RtpStreamReceiveStats.MAX_DROPOUT - 1)).isTrue();
    assertThat(stats.cumulativeLost()).isEqualTo(RtpStreamReceiveStats.MAX_DROPOUT - 2);
  }

  @Test
  void clampsCumulativeLossToTwentyFourBits() {
    int seq = 1;
    onTime(seq);
    onTime(++seq);
    for (int i = 0; i < 3000; i++) {
      seq = (seq + 2999) & 0xFFFF;
      onTime(seq);
    }
    assertThat(stats.cumulativeLost()).isEqualTo(3000L * 2998);
    ReportBlock block = stats.reportBlock(SSRC, T0);
    assertThat(block.cumulativeLost()).isEqualTo(ReportBlock.MAX_CUMULATIVE_LOST);
    assertThat(block.fractionLost()).isEqualTo((int) ((3000L * 2998 << 8) / (3000L * 2999 + 1)));
    assertThat(block.extendedHighestSequence())
        .isEqualTo(stats.extendedHighestSequenceNumber() & 0xFFFFFFFFL);
  }

  @Test
  void jitterIsZeroForConstantTransit() {
    for (int seq = 0; seq < 50; seq++) {
      stats.onPacket(seq, 1800L * seq + 123_456, T0 + 77 * MS + seq * 20 * MS);
    }
    assertThat(stats.jitter()).isZero();
  }

  @Test
  void jitterFollowsTheIntegerFormOfAppendixA8() {
    // 50 packets/s at 90 kHz: 1800 ticks and 20 ms apart. Packet 1 ends probation and sets
    // the transit baseline; packet 2 is 16 ms (1440 ticks) late; packet 3 is on time again.
    stats.onPacket(0, 0, T0);
    stats.onPacket(1, 1800, T0 + 20 * MS);
    assertThat(stats.jitter()).isZero();

    stats.onPacket(2, 3600, T0 + 56 * MS);
    // J*16 = 0 + 1440 - ((0 + 8) >> 4) = 1440
    assertThat(stats.jitter()).isEqualTo(1440 / 16);

    stats.onPacket(3, 5400, T0 + 60 * MS);
    // J*16 = 1440 + 1440 - ((1440 + 8) >> 4) = 2790
    assertThat(stats.jitter()).isEqualTo(2790 / 16);
  }

  @Test
  void jitterRoundsAsAppendixA8Does() {
    // Opus at 48 kHz: 960 ticks per 20 ms. Packet 2 is 5.5 ms (264 ticks) late.
    RtpStreamReceiveStats opus = new RtpStreamReceiveStats(48_000);
    opus.onPacket(0, 0, T0);
    opus.onPacket(1, 960, T0 + 20 * MS);
    opus.onPacket(2, 1920, T0 + 45_500_000L);
    assertThat(opus.jitter()).isEqualTo(264 / 16);
    opus.onPacket(3, 2880, T0 + 60 * MS);
    // J*16 = 264 + 264 - ((264 + 8) >> 4) = 511; without the rounding term it would be 512.
    assertThat(opus.jitter()).isEqualTo(511 / 16);
  }

  @Test
  void jitterConvergesToTheMeanDeviation() {
    // Every other packet 10 ms (900 ticks) late: |D| = 900 for every pair.
    RtpStreamReceiveStats camera = new RtpStreamReceiveStats(VIDEO_CLOCK);
    for (int seq = 0; seq < 300; seq++) {
      long late = seq % 2 == 1 ? 10 * MS : 0;
      camera.onPacket(seq, 1800L * seq, T0 + seq * 20 * MS + late);
    }
    assertThat(camera.jitter()).isBetween(899L, 900L);
    assertThat(camera.reportBlock(SSRC, T0).jitter()).isEqualTo(camera.jitter());
  }

  @Test
  void jitterIgnoresTimestampWrapAround() {
    RtpStreamReceiveStats opus = new RtpStreamReceiveStats(48_000);
    long start = 0xFFFF_FFFFL - 960 * 5;
    for (int seq = 0; seq < 20; seq++) {
      opus.onPacket(seq, (start + 960L * seq) & 0xFFFF_FFFFL, T0 + seq * 20 * MS);
    }
    assertThat(opus.jitter()).isZero();
  }

  @Test
  void jitterResolvesBelowAMillisecond() {
    // 0.5 ms late at 90 kHz is 45 ticks; millisecond timestamps could not express it.
    stats.onPacket(0, 0, T0);
    stats.onPacket(1, 1800, T0 + 20 * MS);
    stats.onPacket(2, 3600, T0 + 40 * MS + MS / 2);
    assertThat(stats.jitter()).isEqualTo(45 / 16);
  }

  @Test
  void reportsLastSenderReportAndDelaySinceIt() {
    onTime(1);
    onTime(2);
    ReportBlock before = stats.reportBlock(SSRC, T0);
    assertThat(before.lastSenderReport()).isZero();
    assertThat(before.delaySinceLastSenderReport()).isZero();

    long ntp = 0xDA8B_D1FC_DDDD_A05AL;
    stats.onSenderReport(ntp, T0 + 5_000 * MS);
    ReportBlock after = stats.reportBlock(SSRC, T0 + 6_500 * MS);
    assertThat(after.lastSenderReport()).isEqualTo(0xD1FC_DDDDL);
    assertThat(after.delaySinceLastSenderReport()).isEqualTo(65536 * 3 / 2);
  }

  @Test
  void reportsNothingBeforeTheSourceIsValid() {
    ReportBlock none = stats.reportBlock(SSRC, T0);
    assertThat(none).isEqualTo(new ReportBlock(SSRC, 0, 0, 0, 0, 0, 0));

    onTime(500);
    assertThat(stats.isValid()).isFalse();
    assertThat(stats.cumulativeLost()).isZero();
    ReportBlock probation = stats.reportBlock(SSRC, T0);
    assertThat(probation.cumulativeLost()).isZero();
    assertThat(probation.fractionLost()).isZero();
    assertThat(probation.extendedHighestSequence()).isEqualTo(500);
  }

  @Test
  void rejectsANonPositiveClockRate() {
    assertThatThrownBy(() -> new RtpStreamReceiveStats(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clock rate");
    assertThat(new RtpStreamReceiveStats(48_000).clockRateHz()).isEqualTo(48_000);
  }
}
