package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpParserTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String ascii(String text) {
    return HEX.formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] bytes(String... hexParts) {
    return HEX.parseHex(String.join("", hexParts));
  }

  /**
   * A compound packet captured from Firefox (published as test data by pion/rtcp): RR with one
   * report block, SDES CNAME, BYE, PLI, a rapid resynchronisation request (RTPFB FMT 5, RFC 6051)
   * and an APP packet. Packets start at bytes 0, 32, 84, 92, 104 and 116.
   */
  static final byte[] FIREFOX_COMPOUND =
      bytes(
          "81c90007",
          "902f9e2e",
          "bc5e9a40",
          "00000000",
          "000046e1",
          "00000111",
          "09f36432",
          "00024a79",
          "81ca000c",
          "902f9e2e",
          "0126",
          ascii("{9c00eb92-1afb-9d49-a47d-91f64eee69f5}"),
          "00000000",
          "81cb0001",
          "902f9e2e",
          "81ce0002",
          "902f9e2e",
          "902f9e2e",
          "85cd0002",
          "902f9e2e",
          "902f9e2e",
          "80cc0003",
          "4baae1ab",
          ascii("NAME"),
          ascii("ABCD"));

  static final List<RtcpPacket> FIREFOX_PACKETS =
      List.of(
          new ReceiverReport(
              0x902f9e2eL,
              List.of(new ReportBlock(0xbc5e9a40L, 0, 0, 0x46e1, 273, 0x9f36432L, 150137))),
          new SourceDescription(
              List.of(new SdesChunk(0x902f9e2eL, "{9c00eb92-1afb-9d49-a47d-91f64eee69f5}"))),
          new Bye(List.of(0x902f9e2eL)),
          new PictureLossIndication(0x902f9e2eL, 0x902f9e2eL),
          new UnknownRtcp(205, 5, bytes("902f9e2e", "902f9e2e")),
          new UnknownRtcp(204, 0, bytes("4baae1ab", ascii("NAME"), ascii("ABCD"))));

  /**
   * A sender report without report blocks followed by SDES with a 16-character CNAME, as Chromium
   * sends for an outgoing stream (capture published by pion/rtcp, issue 447).
   */
  static final byte[] SR_AND_SDES =
      bytes(
          "80c80006",
          "2b7ec0c5",
          "e020a2a9",
          "52a53fc0",
          "2e48a552",
          "00000046",
          "0000121d",
          "81ca0006",
          "2b7ec0c5",
          "0110",
          ascii("LcIfzXonDordSeW6"),
          "0000");

  /**
   * A receive-only Chromium compound packet (RFC 3550 §6.1, RFC 4585 §6.3.1), assembled by hand: RR
   * from SSRC 1 with one report block (10/256 lost, 18 cumulative, one sequence number cycle,
   * jitter 42, LSR, DLSR 1.5 s), SDES CNAME, then a PLI for the reported stream.
   */
  static final byte[] CHROMIUM_RR_SDES_PLI =
      bytes(
          "81c90007",
          "00000001",
          "4b1d0001",
          "0a000012",
          "00010203",
          "0000002a",
          "12345678",
          "00018000",
          "81ca0006",
          "00000001",
          "0110",
          ascii("hYl0OYC0bwpIW0WV"),
          "0000",
          "81ce0002",
          "00000001",
          "4b1d0001");

  /** A REMB Chrome sent while receiving a 6 Mbit/s stream (pion/rtcp test data). */
  static final byte[] CHROME_REMB =
      bytes("8fce0005", "00000001", "00000000", ascii("REMB"), "011a20df", "4874ed16");

  /** A generic NACK with PID 0xaaaa and BLP 0x5555 (pion/rtcp test data). */
  static final byte[] NACK = bytes("81cd0003", "902f9e2e", "902f9e2e", "aaaa5555");

  private static List<RtcpPacket> parse(byte[] compound) throws RtcpParseException {
    return RtcpParser.parseCompound(compound, 0, compound.length);
  }

  @Test
  void parsesAFirefoxCompoundPacket() throws RtcpParseException {
    assertThat(parse(FIREFOX_COMPOUND)).containsExactlyElementsOf(FIREFOX_PACKETS);
  }

  @Test
  void writesTheFirefoxCompoundPacketBackByteForByte() throws RtcpParseException {
    List<RtcpPacket> packets = parse(FIREFOX_COMPOUND);
    assertThat(RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new))).isEqualTo(FIREFOX_COMPOUND);
  }

  @Test
  void parsesAChromiumSenderReportWithSdes() throws RtcpParseException {
    List<RtcpPacket> packets = parse(SR_AND_SDES);
    assertThat(packets)
        .containsExactly(
            new SenderReport(0x2b7ec0c5L, 0xe020a2a952a53fc0L, 0x2e48a552L, 70, 4637, List.of()),
            new SourceDescription(List.of(new SdesChunk(0x2b7ec0c5L, "LcIfzXonDordSeW6"))));
    assertThat(RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new))).isEqualTo(SR_AND_SDES);
  }

  @Test
  void parsesAChromiumReceiverReportSdesAndPli() throws RtcpParseException {
    List<RtcpPacket> packets = parse(CHROMIUM_RR_SDES_PLI);
    assertThat(packets)
        .containsExactly(
            new ReceiverReport(
                1,
                List.of(new ReportBlock(0x4b1d0001L, 10, 18, 0x10203, 42, 0x12345678L, 0x18000))),
            new SourceDescription(List.of(new SdesChunk(1, "hYl0OYC0bwpIW0WV"))),
            new PictureLossIndication(1, 0x4b1d0001L));
    assertThat(RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new)))
        .isEqualTo(CHROMIUM_RR_SDES_PLI);
  }

  @Test
  void sendsNegativeCumulativeLossAsTwentyFourBitTwosComplement() throws RtcpParseException {
    byte[] rr =
        bytes(
            "81c90007",
            "00000001",
            "00000002",
            "00ffffff",
            "00000010",
            "00000000",
            "00000000",
            "00000000");
    ReceiverReport report = (ReceiverReport) parse(rr).getFirst();
    assertThat(report.reports().getFirst().cumulativeLost()).isEqualTo(-1);

    byte[] minimum = rr.clone();
    minimum[13] = (byte) 0x80;
    minimum[14] = 0;
    minimum[15] = 0;
    ReceiverReport lowest = (ReceiverReport) parse(minimum).getFirst();
    assertThat(lowest.reports().getFirst().cumulativeLost())
        .isEqualTo(ReportBlock.MIN_CUMULATIVE_LOST);
  }

  @Test
  void parsesAChromeRemb() throws RtcpParseException {
    // mantissa 0x220df = 139487, exponent 6: 139487 * 64 = 8927168 bit/s.
    assertThat(parse(CHROME_REMB)).containsExactly(new Remb(1, 8_927_168L, List.of(0x4874ed16L)));
    assertThat(RtcpWriter.toBytes(parse(CHROME_REMB).getFirst())).isEqualTo(CHROME_REMB);
  }

  @Test
  void saturatesRembBitratesBeyondLong() throws RtcpParseException {
    // mantissa 0x3ffff, exponent 63: far beyond 2^63.
    byte[] huge = bytes("8fce0004", "00000001", "00000000", ascii("REMB"), "00ffffff");
    assertThat(parse(huge)).containsExactly(new Remb(1, Remb.MAX_BITRATE_BPS, List.of()));
    assertThat(RtcpWriter.toBytes(parse(huge).getFirst()))
        .isEqualTo(bytes("8fce0004", "00000001", "00000000", ascii("REMB"), "00b7ffff"));
  }

  @Test
  void leavesOtherApplicationFeedbackUnknown() throws RtcpParseException {
    byte[] afb = bytes("8fce0003", "00000001", "00000000", ascii("GOOG"));
    assertThat(parse(afb))
        .containsExactly(new UnknownRtcp(206, 15, bytes("00000001", "00000000", ascii("GOOG"))));
  }

  @Test
  void expandsNackBitmasks() throws RtcpParseException {
    // BLP 0x5555 sets bits 0, 2, ..., 14: PID + 1, PID + 3, ..., PID + 15.
    assertThat(parse(NACK))
        .containsExactly(
            new Nack(
                0x902f9e2eL,
                0x902f9e2eL,
                List.of(0xaaaa, 0xaaab, 0xaaad, 0xaaaf, 0xaab1, 0xaab3, 0xaab5, 0xaab7, 0xaab9)));
    assertThat(RtcpWriter.toBytes(parse(NACK).getFirst())).isEqualTo(NACK);
  }

  @Test
  void expandsNackBitmasksAcrossTheSequenceNumberWrap() throws RtcpParseException {
    byte[] nack = bytes("81cd0003", "00000001", "00000002", "fffe8003");
    assertThat(parse(nack))
        .containsExactly(new Nack(1, 2, List.of(0xfffe, 0xffff, 0x0000, 0x000e)));
  }

  @Test
  void parsesFullIntraRequests() throws RtcpParseException {
    // pion/rtcp test data; the media SSRC field (0x4bc4fcb4) is unused (RFC 5104 §4.3.1.2).
    byte[] fir =
        bytes("84ce0006", "00000000", "4bc4fcb4", "12345678", "42000000", "98765432", "57000000");
    assertThat(parse(fir))
        .containsExactly(
            new FullIntraRequest(
                0, List.of(new FirEntry(0x12345678L, 0x42), new FirEntry(0x98765432L, 0x57))));
  }

  @Test
  void parsesByeWithReason() throws RtcpParseException {
    // Two SSRCs, then the reason's length octet and 7 bytes: 16 bytes, no padding needed.
    byte[] bye = bytes("82cb0004", "00000001", "00000002", "07", ascii("timeout"));
    assertThat(parse(bye)).containsExactly(new Bye(List.of(1L, 2L), "timeout"));
    assertThat(RtcpWriter.toBytes(parse(bye).getFirst())).isEqualTo(bye);
  }

  @Test
  void parsesSdesWithSeveralChunksAndItems() throws RtcpParseException {
    // Chunk 1: CNAME "ab" and TOOL "x" (7 bytes of items, 1 null octet); chunk 2: no items.
    byte[] sdes = bytes("82ca0005", "00000011", "01026162", "060178", "00", "00000022", "00000000");
    assertThat(parse(sdes))
        .containsExactly(
            new SourceDescription(
                List.of(
                    new SdesChunk(
                        0x11,
                        List.of(
                            new SdesItem(SdesItem.CNAME, "ab"), new SdesItem(SdesItem.TOOL, "x"))),
                    new SdesChunk(0x22, List.of()))));
    assertThat(RtcpWriter.toBytes(parse(sdes).getFirst())).isEqualTo(sdes);
  }

  @Test
  void decodesUtf8SdesText() throws RtcpParseException {
    byte[] name = "开会".getBytes(StandardCharsets.UTF_8);
    // NAME item of 6 bytes: 8 bytes of items, so 4 null octets end the chunk.
    byte[] sdes = bytes("81ca0004", "00000001", "0206", HEX.formatHex(name), "00000000");
    SourceDescription parsed = (SourceDescription) parse(sdes).getFirst();
    assertThat(parsed.chunks().getFirst().items())
        .containsExactly(new SdesItem(SdesItem.NAME, "开会"));
    assertThat(RtcpWriter.toBytes(parsed)).isEqualTo(sdes);
  }

  @Test
  void ignoresPaddingOfTheLastPacket() throws RtcpParseException {
    byte[] padded = bytes("80c90001", "00000001", "a1ce0003", "00000001", "00000002", "00000004");
    assertThat(parse(padded))
        .containsExactly(new ReceiverReport(1, List.of()), new PictureLossIndication(1, 2));
  }

  @Test
  void parsesAtAnOffsetInsideALargerArray() throws RtcpParseException {
    byte[] buf = new byte[FIREFOX_COMPOUND.length + 20];
    Arrays.fill(buf, (byte) 0x81);
    System.arraycopy(FIREFOX_COMPOUND, 0, buf, 13, FIREFOX_COMPOUND.length);
    assertThat(RtcpParser.parseCompound(buf, 13, FIREFOX_COMPOUND.length))
        .containsExactlyElementsOf(FIREFOX_PACKETS);
  }

  @Test
  void rejectsMalformedPacketsWithClearMessages() {
    assertRejected(new byte[0], "empty");
    assertRejected(bytes("81c9"), "RTCP header at byte 0 truncated");
    assertRejected(bytes("41c90001", "00000001"), "version 1, expected 2");
    assertRejected(bytes("81c90007", "00000001"), "declares 32 bytes but only 8 remain");
    assertRejected(bytes("a1ce0003", "00000001", "00000002", "00000000"), "padding count 0");
    assertRejected(bytes("a1ce0002", "00000001", "000000ff"), "padding count 255");
    assertRejected(
        bytes("81c80006", "00000001", "00000000", "00000000", "00000000", "00000000", "00000000"),
        "too few for a sender report with 1 report blocks");
    assertRejected(bytes("81c90001", "00000001"), "too few for a receiver report");
    assertRejected(bytes("81ca0002", "00000001", "01084142"), "overruns");
    assertRejected(bytes("81ca0002", "00000001", "01024142"), "ends inside the item list");
    assertRejected(bytes("81ca0003", "00000001", "0102c328", "00000000"), "not UTF-8");
    assertRejected(bytes("82ca0002", "00000001", "00000000"), "ends inside SDES chunk 1");
    assertRejected(bytes("82cb0001", "00000001"), "too few for a BYE with 2 sources");
    assertRejected(bytes("81cb0002", "00000001", "09414243"), "BYE reason of 9 bytes");
    assertRejected(bytes("81cd0002", "00000001", "00000002"), "NACK with 0 bytes of FCI");
    assertRejected(
        bytes("84ce0003", "00000000", "00000000", "12345678"), "FIR with 4 bytes of FCI");
    assertRejected(bytes("81ce0001", "00000001"), "too few for a PLI");
    assertRejected(
        bytes("8fce0004", "00000001", "00000000", ascii("REMB"), "02000001"),
        "too few for a REMB with 2 SSRCs");
    assertRejected(
        bytes("80c90001", "00000001", "81c9"),
        "RTCP header at byte 8 truncated: only 2 bytes remain");
    assertRejected(
        bytes("a0cc0002", "00000001", "00000003"), "leaves 5 body bytes, not a multiple of 4");
  }

  private static void assertRejected(byte[] compound, String messagePart) {
    assertThatThrownBy(() -> parse(compound))
        .isInstanceOf(RtcpParseException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void everyTruncationIsRejectedExceptAtPacketBoundaries() throws RtcpParseException {
    int[] boundaries = {32, 84, 92, 104, 116, 132};
    for (int len = 0; len < FIREFOX_COMPOUND.length; len++) {
      int packets = Arrays.binarySearch(boundaries, len);
      if (packets >= 0) {
        assertThat(RtcpParser.parseCompound(FIREFOX_COMPOUND, 0, len))
            .containsExactlyElementsOf(FIREFOX_PACKETS.subList(0, packets + 1));
      } else {
        int truncated = len;
        assertThatThrownBy(() -> RtcpParser.parseCompound(FIREFOX_COMPOUND, 0, truncated))
            .as("length %d", len)
            .isInstanceOf(RtcpParseException.class);
      }
    }
  }

  @Test
  void everyTruncationOfEveryVectorThrowsOnlyRtcpParseException() {
    for (byte[] vector :
        List.of(
            FIREFOX_COMPOUND,
            SR_AND_SDES,
            CHROMIUM_RR_SDES_PLI,
            CHROME_REMB,
            NACK,
            TransportCcFeedbackTest.CHROMIUM)) {
      for (int len = 0; len < vector.length; len++) {
        parseOrReject(Arrays.copyOf(vector, len));
      }
    }
  }

  @Test
  void randomBytesThrowOnlyRtcpParseException() {
    Random random = new Random(3550L);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] garbage = new byte[random.nextInt(120)];
      random.nextBytes(garbage);
      if (parseOrReject(garbage)) {
        parsed++;
      }
    }
    assertThat(parsed).as("pure garbage is rarely valid RTCP").isLessThan(200);
  }

  @Test
  void plausibleRandomPacketsThrowOnlyRtcpParseException() {
    Random random = new Random(4585L);
    int[] types = {200, 201, 202, 203, 204, 205, 206, 207, 199, 250};
    int parsed = 0;
    for (int i = 0; i < 30_000; i++) {
      byte[] compound = plausibleCompound(random, types);
      if (parseOrReject(compound)) {
        parsed++;
      }
    }
    assertThat(parsed).as("random packets with consistent headers that parse").isGreaterThan(3_000);
  }

  @Test
  void mutatedVectorsThrowOnlyRtcpParseException() {
    Random random = new Random(5104L);
    List<byte[]> vectors =
        List.of(
            FIREFOX_COMPOUND,
            SR_AND_SDES,
            CHROMIUM_RR_SDES_PLI,
            CHROME_REMB,
            NACK,
            TransportCcFeedbackTest.CHROMIUM);
    for (int i = 0; i < 30_000; i++) {
      byte[] mutated = vectors.get(random.nextInt(vectors.size())).clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      parseOrReject(mutated);
    }
  }

  /** Builds 1..3 packets: version 2, random P and count, a type from {@code types}, random body. */
  private static byte[] plausibleCompound(Random random, int[] types) {
    List<byte[]> packets = new ArrayList<>();
    int total = 0;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int words = random.nextInt(10);
      byte[] packet = new byte[4 + 4 * words];
      random.nextBytes(packet);
      packet[0] = (byte) (0x80 | random.nextInt(random.nextBoolean() ? 4 : 64));
      packet[1] = (byte) types[random.nextInt(types.length)];
      packet[2] = 0;
      packet[3] = (byte) words;
      if (random.nextInt(4) == 0 && packet[1] == (byte) 206) {
        packet[0] = (byte) 0x8f;
        if (words >= 3) {
          System.arraycopy("REMB".getBytes(StandardCharsets.US_ASCII), 0, packet, 12, 4);
        }
      }
      packets.add(packet);
      total += packet.length;
    }
    byte[] compound = new byte[total];
    int position = 0;
    for (byte[] packet : packets) {
      System.arraycopy(packet, 0, compound, position, packet.length);
      position += packet.length;
    }
    return compound;
  }

  /**
   * Parses bytes, accepting only success or RtcpParseException (any other exception fails the
   * test). On success, checks that writing and parsing again gives the same records.
   *
   * @return whether the bytes parsed
   */
  private static boolean parseOrReject(byte[] compound) {
    List<RtcpPacket> packets;
    try {
      packets = parse(compound);
    } catch (RtcpParseException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return false;
    }
    assertThat(packets).isNotEmpty();
    byte[] rewritten = RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new));
    try {
      assertThat(parse(rewritten)).as(HEX.formatHex(compound)).containsExactlyElementsOf(packets);
    } catch (RtcpParseException e) {
      throw new AssertionError("written packets did not parse: " + HEX.formatHex(compound), e);
    }
    return true;
  }
}
