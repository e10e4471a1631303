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
 * {@link TransportCcFeedback} through {@link RtcpWriter} and {@link RtcpParser}
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): packets captured from Chromium and the
 * vectors pion/rtcp tests its TransportLayerCC with (transport_layer_cc_test.go), taken as data and
 * checked by hand here; the draft's chunk examples; and garbage.
 */
class TransportCcFeedbackTest {

  private static final HexFormat HEX = HexFormat.of();

  private static byte[] bytes(String... hexParts) {
    return HEX.parseHex(String.join("", hexParts));
  }

  private static PacketStatus r(int delta) {
    return PacketStatus.received(delta);
  }

  private static final PacketStatus N = PacketStatus.NOT_RECEIVED;

  private static List<PacketStatus> statuses(PacketStatus... packets) {
    return List.of(packets);
  }

  private static List<RtcpPacket> parse(byte[] compound) throws RtcpParseException {
    return RtcpParser.parseCompound(compound, 0, compound.length);
  }

  /**
   * Feedback Chromium sent for 9 packets, as Wireshark decodes it: padding bit set, run-length
   * chunk 0x2009 (9 small deltas: 7, 3, 11, 14, 0, 1, 0, 2, 6 ms), one byte of padding.
   */
  static final byte[] CHROMIUM =
      bytes(
          "afcd0007",
          "00000001",
          "dd586eb6",
          "0001",
          "0009",
          "5e9110",
          "00",
          "2009",
          "1c0c2c38000400081801");

  static final TransportCcFeedback CHROMIUM_FEEDBACK =
      new TransportCcFeedback(
          1,
          0xdd586eb6L,
          1,
          0x5e9110,
          0,
          statuses(r(28), r(12), r(44), r(56), r(0), r(4), r(0), r(8), r(24)));

  /** pion example 1: one packet, 37 ms after the reference time (148 × 250 µs). */
  static final byte[] PION_ONE_PACKET =
      bytes("afcd0005", "fa17fa17", "43032fa0", "0099", "0001", "3de802", "17", "2001", "94", "01");

  /** pion example 4: a run of 7 small deltas (19, 9, 9, 4, 3, 3, 4 ms), 3 bytes of padding. */
  static final byte[] PION_RUN =
      bytes(
          "afcd0007",
          "fa17fa17",
          "193dd8bb",
          "0004",
          "0007",
          "10636e",
          "01",
          "2007",
          "4c242410",
          "0c0c10",
          "000003");

  /** pion example 5 (its Marshal output): a one-bit status vector, 9 trailing losses. */
  static final byte[] PION_ONE_BIT =
      bytes(
          "afcd0006",
          "fa17fa17",
          "193dd8bb",
          "0001",
          "000e",
          "10636d",
          "00",
          "ba00",
          "100c0c10",
          "0002");

  /** pion example 6 (its Marshal output): a one-bit vector of 12 statuses of 14 bits. */
  static final byte[] PION_TWELVE =
      bytes(
          "afcd0007",
          "fa17fa17",
          "43032fa0",
          "9c14",
          "000c",
          "758420",
          "00",
          "bec0",
          "c13f3b3f53903b",
          "000003");

  /**
   * pion example 6 (its Unmarshal input, from another encoder): a two-bit vector with a large
   * delta, then a run-length chunk of 48 losses of which the status count takes only 2.
   */
  static final byte[] PION_OVERLONG_RUN =
      bytes(
          "afcd0007",
          "9b74f61f",
          "9371dcbc",
          "853c",
          "0009",
          "63f916",
          "b3",
          "d552",
          "0030",
          "9baa6aaa7b",
          "0109",
          "01");

  @Test
  void parsesAndRewritesChromiumsFeedbackByteForByte() throws RtcpParseException {
    assertThat(parse(CHROMIUM)).containsExactly(CHROMIUM_FEEDBACK);
    assertThat(RtcpWriter.toBytes(CHROMIUM_FEEDBACK)).isEqualTo(CHROMIUM);
    assertThat(CHROMIUM_FEEDBACK.size()).isEqualTo(32);
  }

  @Test
  void parsesAndRewritesPionsVectorsByteForByte() throws RtcpParseException {
    TransportCcFeedback one =
        new TransportCcFeedback(0xfa17fa17L, 0x43032fa0L, 153, 4057090, 23, statuses(r(148)));
    TransportCcFeedback run =
        new TransportCcFeedback(
            0xfa17fa17L,
            0x193dd8bbL,
            4,
            1074030,
            1,
            statuses(r(76), r(36), r(36), r(16), r(12), r(12), r(16)));
    TransportCcFeedback oneBit =
        new TransportCcFeedback(
            0xfa17fa17L,
            0x193dd8bbL,
            1,
            1074029,
            0,
            statuses(r(16), r(12), r(12), N, r(16), N, N, N, N, N, N, N, N, N));
    TransportCcFeedback twelve =
        new TransportCcFeedback(
            0xfa17fa17L,
            0x43032fa0L,
            39956,
            7701536,
            0,
            statuses(r(193), r(63), r(59), r(63), r(83), N, r(144), r(59), N, N, N, N));
    List<byte[]> wire = List.of(PION_ONE_PACKET, PION_RUN, PION_ONE_BIT, PION_TWELVE);
    List<TransportCcFeedback> records = List.of(one, run, oneBit, twelve);
    for (int i = 0; i < wire.size(); i++) {
      assertThat(parse(wire.get(i))).as("vector %d", i).containsExactly(records.get(i));
      assertThat(HEX.formatHex(RtcpWriter.toBytes(records.get(i))))
          .as("vector %d", i)
          .isEqualTo(HEX.formatHex(wire.get(i)));
    }
  }

  @Test
  void readsOtherEncodersChunksAndRewritesThemAsLibwebrtcDoes() throws RtcpParseException {
    TransportCcFeedback expected =
        new TransportCcFeedback(
            0x9b74f61fL,
            0x9371dcbcL,
            34108,
            6551830,
            179,
            statuses(r(155), r(170), r(106), r(170), r(123), N, r(265), N, N));
    assertThat(parse(PION_OVERLONG_RUN)).containsExactly(expected);
    // The run of 2 losses is written with its true length.
    assertThat(HEX.formatHex(RtcpWriter.toBytes(expected)))
        .isEqualTo(
            "afcd0007"
                + "9b74f61f"
                + "9371dcbc"
                + "853c0009"
                + "63f916b3"
                + "d552"
                + "0002"
                + "9baa6aaa7b"
                + "0109"
                + "01");

    // pion example 3 (without its padding bit, whose count byte would be 0): two run-length
    // chunks, large deltas of 2047.5 and 2022.5 ms. libwebrtc puts the 6 statuses in one
    // two-bit vector: 10 10 01 01 01 01 (00) = 0xE954.
    byte[] twoRuns =
        bytes(
            "8fcd0007",
            "fa17fa17",
            "193dd8bb",
            "0174",
            "0006",
            "45b15a",
            "40",
            "4002",
            "2004",
            "1ffe1f9a",
            "d000d000");
    TransportCcFeedback large =
        new TransportCcFeedback(
            0xfa17fa17L,
            0x193dd8bbL,
            372,
            4567386,
            64,
            statuses(r(8190), r(8090), r(208), r(0), r(208), r(0)));
    assertThat(parse(twoRuns)).containsExactly(large);
    assertThat(HEX.formatHex(RtcpWriter.toBytes(large)))
        .isEqualTo(
            "afcd0007"
                + "fa17fa17"
                + "193dd8bb"
                + "01740006"
                + "45b15a40"
                + "e954"
                + "1ffe1f9a"
                + "d000d000"
                + "0002");
  }

  @Test
  void decodesTheDraftsChunkExamples() throws RtcpParseException {
    // §3.1.3 example 1: a run of 221 packets not received.
    TransportCcFeedback lost =
        (TransportCcFeedback)
            parse(bytes("8fcd0005", "00000001", "00000002", "000a00dd", "00000105", "00dd0000"))
                .getFirst();
    assertThat(lost.packets()).hasSize(221).containsOnly(N);
    assertThat(lost.baseSequenceNumber()).isEqualTo(10);
    assertThat(lost.referenceTime()).isEqualTo(1);
    assertThat(lost.feedbackPacketCount()).isEqualTo(5);

    // §3.1.4 example 1: one-bit vector 0 11111 000 111 00, then 8 small deltas.
    TransportCcFeedback vector =
        (TransportCcFeedback)
            parse(
                    bytes(
                        "8fcd0007",
                        "00000001",
                        "00000002",
                        "0000000e",
                        "00000000",
                        "9f1c",
                        "01020304",
                        "05060708",
                        "0000"))
                .getFirst();
    assertThat(vector.packets())
        .containsExactly(N, r(1), r(2), r(3), r(4), r(5), N, N, N, r(6), r(7), r(8), N, N);
  }

  @Test
  void readsNegativeAndExtremeDeltas() throws RtcpParseException {
    // Two-bit vector 10 10 10 01 01: deltas -8192 ms, +8191.75 ms, -0.25 ms, 0, 63.75 ms.
    byte[] wire =
        bytes(
            "afcd0007",
            "00000001",
            "00000002",
            "fffe0005",
            "ffffff07",
            "ea50",
            "8000",
            "7fff",
            "ffff",
            "00ff",
            "0002");
    TransportCcFeedback feedback = (TransportCcFeedback) parse(wire).getFirst();
    assertThat(feedback.packets()).containsExactly(r(-32768), r(32767), r(-1), r(0), r(255));
    assertThat(feedback.referenceTime()).isEqualTo(TransportCcFeedback.MAX_REFERENCE_TIME);
    assertThat(feedback.feedbackPacketCount()).isEqualTo(7);
    assertThat(RtcpWriter.toBytes(feedback)).isEqualTo(wire);
    // The base wraps: sequence numbers 65534, 65535, 0, 1, 2.
    assertThat(
            List.of(
                feedback.sequenceNumber(0),
                feedback.sequenceNumber(1),
                feedback.sequenceNumber(2),
                feedback.sequenceNumber(4)))
        .containsExactly(65534, 65535, 0, 2);
    assertThatThrownBy(() -> feedback.sequenceNumber(5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void ignoresBytesAfterTheLastDelta() throws RtcpParseException {
    // The draft pads with zeros without the padding bit; anything there is skipped.
    byte[] zeroPadded =
        bytes(
            "8fcd0005", "fa17fa17", "43032fa0", "0099", "0001", "3de802", "17", "2001", "94", "00");
    assertThat(parse(zeroPadded))
        .containsExactly(
            new TransportCcFeedback(0xfa17fa17L, 0x43032fa0L, 153, 4057090, 23, statuses(r(148))));
  }

  @Test
  void rejectsMalformedFeedback() {
    // pion example 2: the reserved symbol 11 in a two-bit vector.
    assertRejected(
        bytes(
            "afcd0006", "fa17fa17", "193dd8bb", "0174", "000e", "45b15a40", "d800f0ff", "d0000003"),
        "reserved symbol");
    // The draft's §3.1.3 example 2: a run of the reserved symbol.
    assertRejected(
        bytes("8fcd0005", "00000001", "00000002", "00000018", "00000000", "60180000"),
        "reserved symbol");
    // pion example 7: not even room for one status chunk.
    assertRejected(bytes("8fcd0004", "9acb0442", "00000000", "00000000", "00000000"), "too few");
    // A status count of 0.
    assertRejected(
        bytes("8fcd0005", "00000001", "00000002", "00010000", "00000000", "20010000"),
        "count of 0");
    // pion examples 8 and 9: fewer delta bytes than statuses need.
    assertRejected(
        bytes("afcd0005", "fa17fa17", "43032fa0", "00990003", "3de80217", "20039401"),
        "receive deltas");
    assertRejected(
        bytes("afcd0005", "fa17fa17", "43032fa0", "00990002", "3de80217", "40029401"),
        "receive deltas");
    // Chunks run out before the status count: 20 statuses, one chunk of 14.
    assertRejected(
        bytes("8fcd0005", "00000001", "00000002", "00000014", "00000000", "80000000"),
        "status chunks");
    // pion example 3 as it stands: padding bit set with a padding count of 0.
    assertRejected(
        bytes(
            "afcd0007",
            "fa17fa17",
            "193dd8bb",
            "01740006",
            "45b15a40",
            "40022004",
            "1ffe1f9a",
            "d000d000"),
        "padding count");
  }

  private static void assertRejected(byte[] wire, String messagePart) {
    assertThatThrownBy(() -> parse(wire))
        .isInstanceOf(RtcpParseException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void otherTransportFeedbackStaysUnknown() throws RtcpParseException {
    // RTPFB FMT 5, the rapid resynchronisation request of RFC 6051.
    assertThat(parse(bytes("85cd0002", "902f9e2e", "902f9e2e")))
        .containsExactly(new UnknownRtcp(205, 5, bytes("902f9e2e", "902f9e2e")));
  }

  @Test
  void checksItsFields() {
    assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 3, 4, 5, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..65535");
    assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 65536, 4, 5, statuses(N)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 3, 1 << 24, 5, statuses(N)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 3, 4, 256, statuses(N)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransportCcFeedback(-1, 2, 3, 4, 5, statuses(N)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TransportCcFeedback(
                    1, 2, 3, 4, 5, new ArrayList<>(java.util.Collections.nCopies(65536, N))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PacketStatus.received(32768))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PacketStatus(false, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not received");
  }

  @Test
  void theLargestFeedbackSurvivesWriteThenParse() throws RtcpParseException {
    // 65535 statuses, alternating small and large deltas: the worst case for size.
    List<PacketStatus> packets = new ArrayList<>();
    for (int i = 0; i < TransportCcFeedback.MAX_PACKET_STATUSES; i++) {
      packets.add(i % 2 == 0 ? r(1) : r(-1));
    }
    TransportCcFeedback feedback = new TransportCcFeedback(1, 2, 0, 0, 0, packets);
    byte[] wire = RtcpWriter.toBytes(feedback);
    assertThat(wire).hasSize(feedback.size());
    assertThat(wire.length).isLessThan(FieldRange.MAX_PACKET_SIZE);
    assertThat(parse(wire)).containsExactly(feedback);
  }

  @Test
  void randomFeedbackSurvivesWriteThenParse() throws RtcpParseException {
    Random random = new Random(8888L);
    for (int i = 0; i < 3_000; i++) {
      List<PacketStatus> packets = new ArrayList<>();
      int n = 1 + random.nextInt(random.nextBoolean() ? 40 : 3_000);
      int style = random.nextInt(4);
      for (int k = 0; k < n; k++) {
        packets.add(randomStatus(random, style));
      }
      TransportCcFeedback feedback =
          new TransportCcFeedback(
              random.nextLong() >>> 32,
              random.nextLong() >>> 32,
              random.nextInt(65536),
              random.nextInt(1 << 24),
              random.nextInt(256),
              packets);
      byte[] wire = RtcpWriter.toBytes(feedback);
      assertThat(wire).hasSize(feedback.size());
      assertThat(wire.length % 4).isZero();
      assertThat(parse(wire)).containsExactly(feedback);
    }
  }

  /** Runs of one kind (style 0), mostly small (1), anything (2), or bursts of losses (3). */
  private static PacketStatus randomStatus(Random random, int style) {
    int roll = random.nextInt(100);
    return switch (style) {
      case 0 -> roll < 97 ? r(10) : N;
      case 1 -> roll < 5 ? N : roll < 10 ? r(256 + random.nextInt(1000)) : r(roll);
      case 2 -> roll < 33 ? N : r(random.nextInt(65536) - 32768);
      default -> roll < 50 ? N : r(random.nextInt(256));
    };
  }

  @Test
  void everyTruncationThrowsOnlyRtcpParseException() {
    for (byte[] vector :
        List.of(
            CHROMIUM, PION_ONE_PACKET, PION_RUN, PION_ONE_BIT, PION_TWELVE, PION_OVERLONG_RUN)) {
      for (int len = 0; len < vector.length; len++) {
        byte[] cut = Arrays.copyOf(vector, len);
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(RtcpParseException.class);
      }
    }
  }

  @Test
  void randomBodiesThrowOnlyRtcpParseException() {
    Random random = new Random(205_15L);
    int parsed = 0;
    for (int i = 0; i < 30_000; i++) {
      int words = 4 + random.nextInt(12);
      byte[] packet = new byte[4 + 4 * words];
      random.nextBytes(packet);
      packet[0] = (byte) (random.nextBoolean() ? 0x8f : 0xaf);
      packet[1] = (byte) 205;
      packet[2] = 0;
      packet[3] = (byte) words;
      // Mostly small status counts, so that the chunks can cover them.
      packet[14] = random.nextInt(4) == 0 ? packet[14] : 0;
      packet[15] = (byte) (random.nextInt(4) == 0 ? packet[15] : random.nextInt(40));
      if (random.nextBoolean()) {
        packet[packet.length - 1] = (byte) random.nextInt(4);
      }
      if (parseOrReject(packet)) {
        parsed++;
      }
    }
    assertThat(parsed).as("random bodies that parse").isGreaterThan(1_000);
  }

  @Test
  void mutatedVectorsThrowOnlyRtcpParseException() {
    Random random = new Random(3_1_5L);
    List<byte[]> vectors =
        List.of(CHROMIUM, PION_ONE_PACKET, PION_RUN, PION_ONE_BIT, PION_TWELVE, PION_OVERLONG_RUN);
    for (int i = 0; i < 30_000; i++) {
      byte[] mutated = vectors.get(random.nextInt(vectors.size())).clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        // Leave the header alone half of the time, to reach the body's checks.
        int at =
            random.nextBoolean()
                ? 4 + random.nextInt(mutated.length - 4)
                : random.nextInt(mutated.length);
        mutated[at] = (byte) random.nextInt(256);
      }
      parseOrReject(mutated);
    }
  }

  /** Success (and then an equal record after writing and parsing again) or RtcpParseException. */
  private static boolean parseOrReject(byte[] wire) {
    List<RtcpPacket> packets;
    try {
      packets = parse(wire);
    } catch (RtcpParseException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return false;
    }
    byte[] rewritten = RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new));
    try {
      assertThat(parse(rewritten)).as(HEX.formatHex(wire)).containsExactlyElementsOf(packets);
    } catch (RtcpParseException e) {
      throw new AssertionError("written packets did not parse: " + HEX.formatHex(wire), e);
    }
    return true;
  }
}
