package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.rtcp.TransportCcFeedback.PacketStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TransportCcFeedbackBuilder}: the status chunks libwebrtc would choose, worked out by hand
 * from its {@code LastChunk} rules (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3,
 * §3.1.4), the capacity limit, and reuse.
 */
class TransportCcFeedbackBuilderTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String written(TransportCcFeedbackBuilder builder) {
    byte[] out = new byte[builder.size()];
    assertThat(builder.write(out, 0)).isEqualTo(out.length);
    return HEX.formatHex(out);
  }

  private static TransportCcFeedbackBuilder builder(int capacity) {
    TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(capacity);
    b.reset(0x01020304L, 0x05060708L, 0xFFFF, 0x123456, 0x78);
    return b;
  }

  @Test
  void emitsTwoBitVectorsAndKeepsTheRest() {
    // S N S S S S S S S L: the large delta does not fit a one-bit vector of 10, so the first
    // 7 go out as 11 01 00 01 01 01 01 01 = 0xD155 and S S L stay: 11 01 01 10 (00..) = 0xD600.
    TransportCcFeedbackBuilder b = builder(1200);
    assertThat(b.addReceived(0x10)).isTrue();
    assertThat(b.addNotReceived()).isTrue();
    for (int delta = 0x11; delta <= 0x17; delta++) {
      assertThat(b.addReceived(delta)).isTrue();
    }
    assertThat(b.addReceived(0x123)).isTrue();
    assertThat(b.statusCount()).isEqualTo(10);
    assertThat(written(b))
        .isEqualTo(
            "afcd0008"
                + "01020304"
                + "05060708"
                + "ffff000a"
                + "12345678"
                + "d155"
                + "d600"
                + "1011121314151617"
                + "0123"
                + "0002");
  }

  @Test
  void emitsAFullOneBitVectorThenARun() {
    // (S N) x 7 fills a one-bit vector 1010...10 = 0xAAAA; six S make a run 0x2006.
    TransportCcFeedbackBuilder b = builder(1200);
    for (int i = 0; i < 7; i++) {
      assertThat(b.addReceived(1)).isTrue();
      assertThat(b.addNotReceived()).isTrue();
    }
    for (int i = 0; i < 6; i++) {
      assertThat(b.addReceived(2)).isTrue();
    }
    assertThat(written(b))
        .isEqualTo(
            "afcd0009"
                + "01020304"
                + "05060708"
                + "ffff0014"
                + "12345678"
                + "aaaa"
                + "2006"
                + "01".repeat(7)
                + "02".repeat(6)
                + "000003");
  }

  @Test
  void splitsRunsLongerThan8191() {
    // 8196 losses: a full run 0x1FFF, then 5 losses and a small delta in a two-bit vector.
    TransportCcFeedbackBuilder b = builder(1200);
    for (int i = 0; i < 8196; i++) {
      assertThat(b.addNotReceived()).isTrue();
    }
    assertThat(b.addReceived(5)).isTrue();
    assertThat(written(b))
        .isEqualTo(
            "afcd0006"
                + "01020304"
                + "05060708"
                + "ffff2005"
                + "12345678"
                + "1fff"
                + "c004"
                + "05"
                + "000003");
  }

  @Test
  void writesNoPaddingWhenNoneIsNeeded() {
    // Three large deltas: a run 0x4003 and 6 delta bytes make 28 bytes, no padding bit.
    TransportCcFeedbackBuilder b = builder(1200);
    for (int i = 0; i < 3; i++) {
      assertThat(b.addReceived(300)).isTrue();
    }
    assertThat(written(b))
        .isEqualTo(
            "8fcd0006"
                + "01020304"
                + "05060708"
                + "ffff0003"
                + "12345678"
                + "4003"
                + "012c012c012c");
  }

  @Test
  void refusesWhatWouldExceedTheCapacityAndStaysUnchanged() {
    TransportCcFeedbackBuilder b = builder(40);
    int added = 0;
    while (b.addReceived(1)) {
      added++;
    }
    // 20 bytes of header, one run-length chunk, 18 deltas: 40 bytes.
    assertThat(added).isEqualTo(18);
    assertThat(b.addNotReceived()).isFalse();
    assertThat(b.addReceived(-1)).isFalse();
    assertThat(b.size()).isEqualTo(40);
    assertThat(written(b))
        .isEqualTo(
            "8fcd0009"
                + "01020304"
                + "05060708"
                + "ffff0012"
                + "12345678"
                + "2012"
                + "01".repeat(18));

    TransportCcFeedbackBuilder smallest = builder(TransportCcFeedbackBuilder.MIN_CAPACITY + 3);
    assertThat(smallest.addReceived(-5)).isTrue();
    assertThat(smallest.addNotReceived()).isTrue();
    assertThat(smallest.addReceived(1)).isFalse();
    assertThat(smallest.size()).isEqualTo(24);
  }

  @Test
  void holdsAtMost65535Statuses() {
    TransportCcFeedbackBuilder b = builder(FieldRange.MAX_PACKET_SIZE);
    for (int i = 0; i < TransportCcFeedback.MAX_PACKET_STATUSES; i++) {
      assertThat(b.addNotReceived()).isTrue();
    }
    assertThat(b.addNotReceived()).isFalse();
    assertThat(b.statusCount()).isEqualTo(65535);
    // Nine runs: eight of 8191 and one of 7; 38 bytes padded to 40.
    assertThat(written(b))
        .isEqualTo(
            "afcd0009"
                + "01020304"
                + "05060708"
                + "ffffffff"
                + "12345678"
                + "1fff".repeat(8)
                + "0007"
                + "0002");
  }

  @Test
  void isReusableAfterReset() {
    TransportCcFeedbackBuilder b = builder(1200);
    for (int i = 0; i < 100; i++) {
      b.addReceived(i);
    }
    b.reset(9, 8, 7, 6, 5);
    b.addReceived(1);
    TransportCcFeedbackBuilder fresh = new TransportCcFeedbackBuilder(1200);
    fresh.reset(9, 8, 7, 6, 5);
    fresh.addReceived(1);
    assertThat(written(b))
        .isEqualTo(written(fresh))
        .isEqualTo(
            "afcd0005" + "00000009" + "00000008" + "00070001" + "00000605" + "2001" + "01" + "01");
  }

  @Test
  void splittingAtTheCapacityLosesNoStatus() throws RtcpParseException {
    Random random = new Random(1200L);
    for (int round = 0; round < 200; round++) {
      List<PacketStatus> input = new ArrayList<>();
      for (int n = random.nextInt(5_000); n > 0; n--) {
        int roll = random.nextInt(10);
        input.add(
            roll == 0
                ? PacketStatus.NOT_RECEIVED
                : PacketStatus.received(
                    roll == 1 ? random.nextInt(65536) - 32768 : random.nextInt(256)));
      }
      TransportCcFeedbackBuilder b =
          new TransportCcFeedbackBuilder(
              TransportCcFeedbackBuilder.MIN_CAPACITY + 4 * random.nextInt(300));
      List<PacketStatus> output = new ArrayList<>();
      int next = 0;
      int base = random.nextInt(65536);
      while (next < input.size()) {
        b.reset(1, 2, (base + next) & 0xFFFF, 0, 0);
        int start = next;
        while (next < input.size() && add(b, input.get(next))) {
          next++;
        }
        assertThat(next).as("progress").isGreaterThan(start);
        byte[] wire = new byte[b.size()];
        b.write(wire, 0);
        TransportCcFeedback feedback =
            (TransportCcFeedback) RtcpParser.parseCompound(wire, 0, wire.length).getFirst();
        assertThat(feedback.baseSequenceNumber()).isEqualTo((base + start) & 0xFFFF);
        output.addAll(feedback.packets());
      }
      assertThat(output).isEqualTo(input);
    }
  }

  private static boolean add(TransportCcFeedbackBuilder b, PacketStatus status) {
    return status.received() ? b.addReceived(status.receiveDelta()) : b.addNotReceived();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new TransportCcFeedbackBuilder(23))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransportCcFeedbackBuilder(FieldRange.MAX_PACKET_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    TransportCcFeedbackBuilder b = builder(100);
    assertThatThrownBy(() -> b.write(new byte[100], 0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.addReceived(32768)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.addReceived(-32769)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.reset(1, 2, 65536, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.reset(1, 2, 0, 1 << 24, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.reset(1, 2, 0, 0, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.reset(1L << 32, 2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    b.addReceived(1);
    byte[] out = new byte[30];
    Arrays.fill(out, (byte) 0x55);
    assertThatThrownBy(() -> b.write(out, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.write(out, 6)).isEqualTo(24);
    assertThat(out[5]).isEqualTo((byte) 0x55);
  }
}
