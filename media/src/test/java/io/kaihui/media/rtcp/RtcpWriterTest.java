package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpWriterTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final ReportBlock BLOCK_A =
      new ReportBlock(
          0xFFFFFFFFL,
          255,
          ReportBlock.MIN_CUMULATIVE_LOST,
          0xFFFFFFFFL,
          0xFFFFFFFFL,
          0xFFFFFFFFL,
          0xFFFFFFFFL);
  private static final ReportBlock BLOCK_B =
      new ReportBlock(2, 3, ReportBlock.MAX_CUMULATIVE_LOST, 0x1_0005, 7, 8, 9);

  /** One of every record type, with the edge values of their fields. */
  static List<RtcpPacket> oneOfEach() {
    return List.of(
        new SenderReport(
            0xFFFFFFFFL,
            0xE020A2A9_52A53FC0L,
            0xFFFFFFFFL,
            70,
            0xFFFFFFFFL,
            List.of(BLOCK_A, BLOCK_B)),
        new SenderReport(1, 0, 0, 0, 0, List.of()),
        new ReceiverReport(7, List.of(BLOCK_B)),
        new ReceiverReport(7, List.of()),
        new SourceDescription(
            List.of(
                new SdesChunk(1, "a"),
                new SdesChunk(2, "ab"),
                new SdesChunk(3, "abc"),
                new SdesChunk(4, "abcd"),
                new SdesChunk(5, List.of()),
                new SdesChunk(
                    6,
                    List.of(
                        new SdesItem(SdesItem.CNAME, "user@host"),
                        new SdesItem(SdesItem.NAME, "开会"),
                        new SdesItem(SdesItem.TOOL, ""),
                        new SdesItem(255, "x".repeat(255)))))),
        new SourceDescription(List.of()),
        new Bye(List.of(1L, 0xFFFFFFFFL)),
        new Bye(List.of(), "a"),
        new Bye(List.of(3L), "ab"),
        new Bye(List.of(3L), "abc"),
        new Bye(List.of(3L), "abcd"),
        new Bye(List.of(3L), "再见"),
        new PictureLossIndication(1, 0xFFFFFFFFL),
        new FullIntraRequest(1, List.of(new FirEntry(2, 0), new FirEntry(3, 255))),
        new Nack(1, 2, List.of(100)),
        new Nack(1, 2, List.of(100, 101, 105, 116, 117, 500, 501, 502)),
        new Nack(1, 2, List.of(65534, 65535, 0, 1, 14)),
        new Nack(1, 2, List.of(7, 5, 5, 6, 40_000)),
        new Remb(1, 0, List.of()),
        new Remb(1, 8_927_168L, List.of(0x4874ED16L, 2L)),
        new Remb(1, 0x3FFFFL << 40, List.of(3L)),
        new UnknownRtcp(204, 0, HEX.parseHex("4baae1ab4e414d4541424344")),
        new TransportCcFeedback(
            1,
            0xFFFFFFFFL,
            65535,
            0xFFFFFF,
            255,
            List.of(
                TransportCcFeedback.PacketStatus.received(0),
                TransportCcFeedback.PacketStatus.NOT_RECEIVED,
                TransportCcFeedback.PacketStatus.received(-32768),
                TransportCcFeedback.PacketStatus.received(32767))),
        new UnknownRtcp(205, 31, new byte[0]));
  }

  private static List<RtcpPacket> parse(byte[] compound) throws RtcpParseException {
    return RtcpParser.parseCompound(compound, 0, compound.length);
  }

  @Test
  void everyRecordSurvivesWriteThenParse() throws RtcpParseException {
    for (RtcpPacket packet : oneOfEach()) {
      byte[] written = RtcpWriter.toBytes(packet);
      assertThat(written).as("%s", packet).hasSize(packet.size());
      assertThat(written.length % 4).isZero();
      assertThat(parse(written)).as("%s", packet).containsExactly(packet);
    }
  }

  @Test
  void allRecordsSurviveAsOneCompoundPacket() throws RtcpParseException {
    List<RtcpPacket> packets = oneOfEach();
    byte[] compound = RtcpWriter.toBytes(packets.toArray(RtcpPacket[]::new));
    assertThat(parse(compound)).containsExactlyElementsOf(packets);
  }

  @Test
  void writesAPictureLossIndication() {
    assertThat(HEX.formatHex(RtcpWriter.toBytes(new PictureLossIndication(1, 0x4B1D0001L))))
        .isEqualTo("81ce0002" + "00000001" + "4b1d0001");
  }

  @Test
  void writesAFullIntraRequestWithAZeroMediaSsrc() {
    FullIntraRequest fir = new FullIntraRequest(0x11, List.of(new FirEntry(0x4B1D0001L, 7)));
    assertThat(HEX.formatHex(RtcpWriter.toBytes(fir)))
        .isEqualTo("84ce0004" + "00000011" + "00000000" + "4b1d0001" + "07000000");
  }

  @Test
  void writesAReceiverReportBlock() {
    ReceiverReport rr =
        new ReceiverReport(
            1, List.of(new ReportBlock(0x4B1D0001L, 10, -2, 0x10203, 42, 0x12345678L, 0x18000)));
    assertThat(HEX.formatHex(RtcpWriter.toBytes(rr)))
        .isEqualTo(
            "81c90007"
                + "00000001"
                + "4b1d0001"
                + "0afffffe"
                + "00010203"
                + "0000002a"
                + "12345678"
                + "00018000");
  }

  @Test
  void packsNacksLikeLibwebrtc() {
    // pion/rtcp expectations for NackPairsFromSequenceNumbers.
    assertThat(HEX.formatHex(RtcpWriter.toBytes(new Nack(1, 2, List.of(100, 101, 105, 115)))))
        .isEqualTo("81cd0003" + "00000001" + "00000002" + "00644011");
    assertThat(HEX.formatHex(RtcpWriter.toBytes(new Nack(1, 2, List.of(100, 117, 500, 501, 502)))))
        .isEqualTo("81cd0005" + "00000001" + "00000002" + "00640000" + "00750000" + "01f40003");
  }

  @Test
  void writesSdesWithOneToFourNullOctets() {
    // CNAME of 2 bytes: 4 bytes of items, so a whole word of null octets.
    assertThat(
            HEX.formatHex(
                RtcpWriter.toBytes(new SourceDescription(List.of(new SdesChunk(1, "ab"))))))
        .isEqualTo("81ca0003" + "00000001" + "01026162" + "00000000");
    // CNAME of 1 byte: 3 bytes of items, one null octet.
    assertThat(
            HEX.formatHex(
                RtcpWriter.toBytes(new SourceDescription(List.of(new SdesChunk(1, "a"))))))
        .isEqualTo("81ca0002" + "00000001" + "01016100");
  }

  @Test
  void padsByeReasonsToAWord() {
    assertThat(HEX.formatHex(RtcpWriter.toBytes(new Bye(List.of(1L), "ab"))))
        .isEqualTo("81cb0002" + "00000001" + "02616200");
    assertThat(HEX.formatHex(RtcpWriter.toBytes(new Bye(List.of(1L), "abc"))))
        .isEqualTo("81cb0002" + "00000001" + "03616263");
  }

  @Test
  void roundsRembBitratesDownToEighteenSignificantBits() throws RtcpParseException {
    Random random = new Random(8285L);
    for (int i = 0; i < 5_000; i++) {
      long bitrate = (random.nextLong() >>> 1) >>> random.nextInt(63);
      Remb parsed = (Remb) parse(RtcpWriter.toBytes(new Remb(1, bitrate, List.of()))).getFirst();
      assertThat(parsed.bitrateBps()).isLessThanOrEqualTo(bitrate);
      assertThat(bitrate - parsed.bitrateBps()).isLessThanOrEqualTo(bitrate >>> 17);
      if (bitrate < 1 << 18) {
        assertThat(parsed.bitrateBps()).isEqualTo(bitrate);
      }
    }
    Remb max = (Remb) parse(RtcpWriter.toBytes(new Remb(1, Long.MAX_VALUE, List.of()))).getFirst();
    assertThat(max.bitrateBps()).isEqualTo(Remb.MAX_BITRATE_BPS);
  }

  @Test
  void writesAtAnOffsetAndReturnsTheSize() {
    RtcpPacket pli = new PictureLossIndication(1, 2);
    byte[] out = new byte[20];
    Arrays.fill(out, (byte) 0x55);
    assertThat(RtcpWriter.write(pli, out, 5)).isEqualTo(12);
    assertThat(Arrays.copyOfRange(out, 5, 17)).isEqualTo(RtcpWriter.toBytes(pli));
    assertThat(out[4]).isEqualTo((byte) 0x55);
    assertThat(out[17]).isEqualTo((byte) 0x55);
  }

  @Test
  void rejectsArraysThatAreTooSmall() {
    RtcpPacket pli = new PictureLossIndication(1, 2);
    assertThatThrownBy(() -> RtcpWriter.write(pli, new byte[11], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 12 bytes");
    assertThatThrownBy(() -> RtcpWriter.write(pli, new byte[20], 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtcpWriter.write(pli, new byte[20], -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtcpWriter.write(pli, new byte[20], 21))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(RtcpWriter::toBytes).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomRecordsSurviveWriteThenParse() throws RtcpParseException {
    Random random = new Random(3611L);
    for (int i = 0; i < 3_000; i++) {
      List<Integer> lost = new ArrayList<>();
      int start = random.nextInt(65536);
      for (int n = 1 + random.nextInt(40); n > 0; n--) {
        lost.add((start + random.nextInt(60)) & 0xFFFF);
      }
      List<ReportBlock> blocks = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        blocks.add(
            new ReportBlock(
                random.nextLong() >>> 32,
                random.nextInt(256),
                random.nextInt(1 << 24) - (1 << 23),
                random.nextLong() >>> 32,
                random.nextLong() >>> 32,
                random.nextLong() >>> 32,
                random.nextLong() >>> 32));
      }
      RtcpPacket[] packets = {
        new SenderReport(
            random.nextLong() >>> 32,
            random.nextLong(),
            random.nextLong() >>> 32,
            random.nextLong() >>> 32,
            random.nextLong() >>> 32,
            blocks),
        new Nack(random.nextLong() >>> 32, random.nextLong() >>> 32, lost),
      };
      assertThat(parse(RtcpWriter.toBytes(packets))).containsExactly(packets);
    }
  }
}
