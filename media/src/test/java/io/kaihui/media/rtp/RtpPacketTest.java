package io.kaihui.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * An Opus packet as Chromium sends it (RFC 3550 §5.1, RFC 8285 §4.2): V=2, X=1, M=1, PT=111, seq
   * 0x1234, ts 0xDEADBEEF, SSRC 0x11223344; one-byte extensions: audio level id 1 (V=1, 5 dBov),
   * transport-wide sequence number id 3 (0x002A), padding; 3 payload bytes.
   */
  private static final byte[] OPUS =
      HEX.parseHex(
          "90ef1234"
              + "deadbeef"
              + "11223344"
              + "bede0002"
              + "10"
              + "85"
              + "31"
              + "002a"
              + "000000"
              + "fc0102");

  /** Places a packet at {@code off} in a larger array filled with 0xEE. */
  private static byte[] at(int off, byte[] packet) {
    byte[] buf = new byte[off + packet.length + 9];
    Arrays.fill(buf, (byte) 0xEE);
    System.arraycopy(packet, 0, buf, off, packet.length);
    return buf;
  }

  @Test
  void readsEveryFixedHeaderField() {
    int off = 7;
    byte[] buf = at(off, OPUS);

    assertThat(RtpPacket.isRtp(buf, off, OPUS.length)).isTrue();
    assertThat(RtpPacket.isRtcp(buf, off, OPUS.length)).isFalse();
    assertThat(RtpPacket.version(buf, off)).isEqualTo(2);
    assertThat(RtpPacket.padding(buf, off)).isFalse();
    assertThat(RtpPacket.hasExtension(buf, off)).isTrue();
    assertThat(RtpPacket.csrcCount(buf, off)).isZero();
    assertThat(RtpPacket.marker(buf, off)).isTrue();
    assertThat(RtpPacket.payloadType(buf, off)).isEqualTo(111);
    assertThat(RtpPacket.sequenceNumber(buf, off)).isEqualTo(0x1234);
    assertThat(RtpPacket.timestamp(buf, off)).isEqualTo(0xDEADBEEFL);
    assertThat(RtpPacket.ssrc(buf, off)).isEqualTo(0x11223344L);
  }

  @Test
  void unsignedFieldsStayPositive() {
    byte[] packet = HEX.parseHex("80ffffff" + "ffffffff" + "ffffffff");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    assertThat(RtpPacket.payloadType(packet, 0)).isEqualTo(127);
    assertThat(RtpPacket.sequenceNumber(packet, 0)).isEqualTo(65535);
    assertThat(RtpPacket.timestamp(packet, 0)).isEqualTo(0xFFFFFFFFL);
    assertThat(RtpPacket.ssrc(packet, 0)).isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void locatesHeaderAndPayload() {
    int off = 7;
    byte[] buf = at(off, OPUS);

    assertThat(RtpPacket.headerLength(buf, off, OPUS.length)).isEqualTo(24);
    assertThat(RtpPacket.payloadOffset(buf, off, OPUS.length)).isEqualTo(off + 24);
    assertThat(RtpPacket.payloadLength(buf, off, OPUS.length)).isEqualTo(3);
    assertThat(RtpPacket.paddingLength(buf, off, OPUS.length)).isZero();
    assertThat(buf[RtpPacket.payloadOffset(buf, off, OPUS.length)]).isEqualTo((byte) 0xFC);
  }

  @Test
  void countsCsrcsInTheHeaderLength() {
    byte[] packet =
        HEX.parseHex("82600001" + "00000010" + "00000020" + "0000000a" + "0000000b" + "abcd");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    assertThat(RtpPacket.csrcCount(packet, 0)).isEqualTo(2);
    assertThat(RtpPacket.headerLength(packet, 0, packet.length)).isEqualTo(20);
    assertThat(RtpPacket.payloadLength(packet, 0, packet.length)).isEqualTo(2);
  }

  @Test
  void excludesPaddingFromThePayload() {
    // P=1: 4 payload bytes, then 4 padding bytes whose last one counts them.
    byte[] packet = HEX.parseHex("a0600001" + "00000010" + "00000020" + "01020304" + "00000004");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    assertThat(RtpPacket.padding(packet, 0)).isTrue();
    assertThat(RtpPacket.paddingLength(packet, 0, packet.length)).isEqualTo(4);
    assertThat(RtpPacket.payloadLength(packet, 0, packet.length)).isEqualTo(4);
  }

  @Test
  void rejectsBadPadding() {
    byte[] zeroCount = HEX.parseHex("a0600001" + "00000010" + "00000020" + "01020300");
    byte[] tooLong = HEX.parseHex("a0600001" + "00000010" + "00000020" + "01020305");
    assertThat(RtpPacket.isRtp(zeroCount, 0, zeroCount.length)).isFalse();
    assertThat(RtpPacket.isRtp(tooLong, 0, tooLong.length)).isFalse();
    assertThat(RtpPacket.payloadLength(tooLong, 0, tooLong.length)).isEqualTo(-1);
  }

  @Test
  void findsOneByteHeaderExtensions() {
    int off = 7;
    byte[] buf = at(off, OPUS);
    int len = OPUS.length;

    int audioLevel = RtpPacket.findExtension(buf, off, len, 1);
    assertThat(RtpPacket.extensionOffset(audioLevel)).isEqualTo(17);
    assertThat(RtpPacket.extensionLength(audioLevel)).isEqualTo(1);

    int transportCc = RtpPacket.findExtension(buf, off, len, 3);
    assertThat(RtpPacket.extensionOffset(transportCc)).isEqualTo(19);
    assertThat(RtpPacket.extensionLength(transportCc)).isEqualTo(2);
    assertThat(buf[off + RtpPacket.extensionOffset(transportCc) + 1]).isEqualTo((byte) 0x2A);

    assertThat(RtpPacket.findExtension(buf, off, len, 2)).isEqualTo(-1);
    assertThat(RtpPacket.findExtension(buf, off, len, 0)).isEqualTo(-1);
    assertThat(RtpPacket.findExtension(buf, off, len, 15)).isEqualTo(-1);
    assertThat(RtpPacket.findExtension(buf, off, len, 256)).isEqualTo(-1);
  }

  @Test
  void readsAudioLevelAndVoiceActivity() {
    int off = 7;
    byte[] buf = at(off, OPUS);
    assertThat(RtpPacket.audioLevel(buf, off, OPUS.length, 1)).isEqualTo(5);
    assertThat(RtpPacket.voiceActivity(buf, off, OPUS.length, 1)).isTrue();
    assertThat(RtpPacket.audioLevel(buf, off, OPUS.length, 4)).isEqualTo(-1);
    assertThat(RtpPacket.voiceActivity(buf, off, OPUS.length, 4)).isFalse();

    byte[] silent = OPUS.clone();
    silent[17] = 0x7F; // V=0, level 127 dBov: silence
    assertThat(RtpPacket.audioLevel(silent, 0, silent.length, 1)).isEqualTo(127);
    assertThat(RtpPacket.voiceActivity(silent, 0, silent.length, 1)).isFalse();
  }

  @Test
  void readsTheTransportWideSequenceNumber() {
    int off = 5;
    byte[] buf = at(off, OPUS);
    assertThat(RtpPacket.transportSequenceNumber(buf, off, OPUS.length, 3)).isEqualTo(0x2A);
    // The audio level element has one byte only: not a transport-wide sequence number.
    assertThat(RtpPacket.transportSequenceNumber(buf, off, OPUS.length, 1)).isEqualTo(-1);
    assertThat(RtpPacket.transportSequenceNumber(buf, off, OPUS.length, 4)).isEqualTo(-1);

    // Two-byte form (RFC 8285 §4.3), id 18, sequence number 0xFFFE: unsigned.
    byte[] twoByte =
        HEX.parseHex(
            "906f0001" + "00000010" + "00000020" + "10000002" + "1202fffe" + "00000000" + "ff");
    assertThat(RtpPacket.transportSequenceNumber(twoByte, 0, twoByte.length, 18)).isEqualTo(0xFFFE);
    // Version 2 of the extension adds a feedback request after the sequence number.
    byte[] withRequest =
        HEX.parseHex(
            "906f0001"
                + "00000010"
                + "00000020"
                + "bede0002"
                + "33"
                + "80018005"
                + "000000"
                + "ff");
    assertThat(RtpPacket.transportSequenceNumber(withRequest, 0, withRequest.length, 3))
        .isEqualTo(0x8001);
    // No extension at all.
    byte[] plain = HEX.parseHex("806f0001" + "00000010" + "00000020" + "ff");
    assertThat(RtpPacket.transportSequenceNumber(plain, 0, plain.length, 3)).isEqualTo(-1);
  }

  @Test
  void stopsAtOneByteIdentifierFifteen() {
    // RFC 8285 §4.2: ID 15 ends processing; the audio level element after it is not seen.
    // ID 14, the largest usable one, before it is found.
    byte[] packet =
        HEX.parseHex(
            "906f0001"
                + "00000010"
                + "00000020"
                + "bede0002"
                + "e0aa"
                + "f0"
                + "10"
                + "85"
                + "000000");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    int fourteen = RtpPacket.findExtension(packet, 0, packet.length, 14);
    assertThat(RtpPacket.extensionOffset(fourteen)).isEqualTo(17);
    assertThat(RtpPacket.extensionLength(fourteen)).isEqualTo(1);
    assertThat(RtpPacket.findExtension(packet, 0, packet.length, 1)).isEqualTo(-1);
  }

  @Test
  void findsTwoByteHeaderExtensions() {
    // RFC 8285 §4.3: profile 0x1000 with appbits 0x5; id 1 with no data, a padding octet,
    // id 20 with 3 bytes, id 7 (audio level, V=0, 42 dBov) with 1 byte; 3 words of data.
    byte[] packet =
        HEX.parseHex(
            "906f0001"
                + "00000010"
                + "00000020"
                + "10050003"
                + "0100"
                + "00"
                + "1403aabbcc"
                + "07012a"
                + "00"
                + "ff");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    assertThat(RtpPacket.headerLength(packet, 0, packet.length)).isEqualTo(28);

    int empty = RtpPacket.findExtension(packet, 0, packet.length, 1);
    assertThat(empty).isNotNegative();
    assertThat(RtpPacket.extensionOffset(empty)).isEqualTo(18);
    assertThat(RtpPacket.extensionLength(empty)).isZero();

    int twenty = RtpPacket.findExtension(packet, 0, packet.length, 20);
    assertThat(RtpPacket.extensionOffset(twenty)).isEqualTo(21);
    assertThat(RtpPacket.extensionLength(twenty)).isEqualTo(3);

    assertThat(RtpPacket.audioLevel(packet, 0, packet.length, 7)).isEqualTo(42);
    assertThat(RtpPacket.voiceActivity(packet, 0, packet.length, 7)).isFalse();
    assertThat(RtpPacket.audioLevel(packet, 0, packet.length, 1)).isEqualTo(-1);
    assertThat(RtpPacket.findExtension(packet, 0, packet.length, 255)).isEqualTo(-1);
  }

  @Test
  void ignoresElementsOverrunningTheExtension() {
    // One-byte element claims 4 data bytes but the extension holds only 3 after it.
    byte[] packet =
        HEX.parseHex("906f0001" + "00000010" + "00000020" + "bede0001" + "13" + "aabbcc");
    assertThat(RtpPacket.findExtension(packet, 0, packet.length, 1)).isEqualTo(-1);
  }

  @Test
  void ignoresUnknownExtensionProfiles() {
    byte[] packet = HEX.parseHex("906f0001" + "00000010" + "00000020" + "abcd0001" + "10850000");
    assertThat(RtpPacket.isRtp(packet, 0, packet.length)).isTrue();
    assertThat(RtpPacket.findExtension(packet, 0, packet.length, 1)).isEqualTo(-1);
  }

  @Test
  void tellsRtcpFromRtpByTheSecondByte() {
    byte[] receiverReport = HEX.parseHex("81c90001" + "902f9e2e");
    assertThat(RtpPacket.isRtcp(receiverReport, 0, receiverReport.length)).isTrue();
    assertThat(RtpPacket.isRtp(receiverReport, 0, receiverReport.length)).isFalse();

    byte[] feedback = HEX.parseHex("81cd0003" + "00000001" + "00000002" + "00010000");
    assertThat(RtpPacket.isRtcp(feedback, 0, feedback.length)).isTrue();
    assertThat(RtpPacket.isRtp(feedback, 0, feedback.length)).isFalse();

    byte[] shortRtcp = HEX.parseHex("81c90000");
    assertThat(RtpPacket.isRtcp(shortRtcp, 0, shortRtcp.length)).isFalse();
    byte[] versionOne = HEX.parseHex("41c90001" + "902f9e2e");
    assertThat(RtpPacket.isRtcp(versionOne, 0, versionOne.length)).isFalse();
  }

  @Test
  void rejectsOtherVersionsAndBadRanges() {
    byte[] versionOne = OPUS.clone();
    versionOne[0] = (byte) 0x50;
    assertThat(RtpPacket.isRtp(versionOne, 0, versionOne.length)).isFalse();

    assertThat(RtpPacket.isRtp(OPUS, 1, OPUS.length)).isFalse();
    assertThat(RtpPacket.isRtp(OPUS, -1, 12)).isFalse();
    assertThat(RtpPacket.isRtp(null, 0, 12)).isFalse();
    assertThat(RtpPacket.isRtcp(OPUS, 0, OPUS.length + 1)).isFalse();
  }

  @Test
  void rejectsEveryTruncatedHeader() {
    int headerLength = RtpPacket.headerLength(OPUS, 0, OPUS.length);
    for (int len = 0; len < OPUS.length; len++) {
      byte[] prefix = Arrays.copyOf(OPUS, len);
      if (len < headerLength) {
        assertThat(RtpPacket.isRtp(prefix, 0, len)).as("length %d", len).isFalse();
        assertThat(RtpPacket.headerLength(prefix, 0, len)).isEqualTo(-1);
        assertThat(RtpPacket.payloadLength(prefix, 0, len)).isEqualTo(-1);
        assertThat(RtpPacket.findExtension(prefix, 0, len, 1)).isEqualTo(-1);
        assertThat(RtpPacket.audioLevel(prefix, 0, len, 1)).isEqualTo(-1);
        assertThat(RtpPacket.transportSequenceNumber(prefix, 0, len, 3)).isEqualTo(-1);
      } else {
        assertThat(RtpPacket.isRtp(prefix, 0, len)).as("length %d", len).isTrue();
        assertThat(RtpPacket.payloadLength(prefix, 0, len)).isEqualTo(len - 24);
      }
    }
  }

  @Test
  void setsFieldsWithoutTouchingNeighbours() {
    int off = 3;
    byte[] buf = at(off, OPUS);

    RtpPacket.setSsrc(buf, off, 0xCAFEBABEL);
    RtpPacket.setSequenceNumber(buf, off, 0x1_FFFE); // only the low 16 bits are written
    RtpPacket.setTimestamp(buf, off, 0x1_0000_0005L);
    RtpPacket.setPayloadType(buf, off, 96);

    assertThat(RtpPacket.ssrc(buf, off)).isEqualTo(0xCAFEBABEL);
    assertThat(RtpPacket.sequenceNumber(buf, off)).isEqualTo(0xFFFE);
    assertThat(RtpPacket.timestamp(buf, off)).isEqualTo(5);
    assertThat(RtpPacket.payloadType(buf, off)).isEqualTo(96);
    assertThat(RtpPacket.marker(buf, off)).isTrue();

    RtpPacket.setMarker(buf, off, false);
    assertThat(RtpPacket.marker(buf, off)).isFalse();
    assertThat(RtpPacket.payloadType(buf, off)).isEqualTo(96);
    RtpPacket.setMarker(buf, off, true);
    assertThat(RtpPacket.marker(buf, off)).isTrue();
    assertThat(RtpPacket.payloadType(buf, off)).isEqualTo(96);

    assertThat(buf[off - 1]).isEqualTo((byte) 0xEE);
    assertThat(RtpPacket.audioLevel(buf, off, OPUS.length, 1)).isEqualTo(5);
    assertThat(RtpPacket.isRtp(buf, off, OPUS.length)).isTrue();
  }

  @Test
  void accessorsNeverThrowOnRandomBytes() {
    Random random = new Random(20240521L);
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      int off = random.nextInt(4);
      int len = random.nextInt(72);
      byte[] buf = new byte[off + len + random.nextInt(3)];
      random.nextBytes(buf);
      if (len > 0 && random.nextBoolean()) {
        // Version 2, few CSRCs, usually with an extension: reach the deeper code.
        buf[off] = (byte) (0x80 | (buf[off] & 0x30) | (buf[off] & 0x03));
        if (len > 14 && random.nextBoolean()) {
          int ext = 12 + 4 * (buf[off] & 0x0F);
          if (ext + 4 <= len) {
            buf[off + ext] = random.nextBoolean() ? (byte) 0xBE : 0x10;
            buf[off + ext + 1] = random.nextBoolean() ? (byte) 0xDE : 0x00;
            buf[off + ext + 2] = 0;
            buf[off + ext + 3] = (byte) random.nextInt(8);
          }
        }
      }
      for (int id = 0; id <= 256; id++) {
        int found = RtpPacket.findExtension(buf, off, len, id);
        if (found >= 0) {
          assertThat(RtpPacket.extensionOffset(found) + RtpPacket.extensionLength(found))
              .isLessThanOrEqualTo(len);
        }
        RtpPacket.audioLevel(buf, off, len, id);
        RtpPacket.voiceActivity(buf, off, len, id);
        assertThat(RtpPacket.transportSequenceNumber(buf, off, len, id)).isBetween(-1, 0xFFFF);
      }
      int headerLength = RtpPacket.headerLength(buf, off, len);
      assertThat(headerLength).isBetween(-1, len);
      RtpPacket.payloadLength(buf, off, len);
      RtpPacket.paddingLength(buf, off, len);
      RtpPacket.isRtcp(buf, off, len);
      if (RtpPacket.isRtp(buf, off, len)) {
        accepted++;
        assertThat(RtpPacket.version(buf, off)).isEqualTo(2);
        assertThat(RtpPacket.isRtcp(buf, off, len)).isFalse();
        RtpPacket.padding(buf, off);
        RtpPacket.marker(buf, off);
        assertThat(RtpPacket.payloadType(buf, off)).isBetween(0, 127);
        assertThat(RtpPacket.sequenceNumber(buf, off)).isBetween(0, 65535);
        assertThat(RtpPacket.timestamp(buf, off)).isBetween(0L, 0xFFFFFFFFL);
        assertThat(RtpPacket.ssrc(buf, off)).isBetween(0L, 0xFFFFFFFFL);
        assertThat(RtpPacket.csrcCount(buf, off)).isBetween(0, 15);
        int payloadLength = RtpPacket.payloadLength(buf, off, len);
        assertThat(payloadLength).isNotNegative();
        assertThat(
                RtpPacket.payloadOffset(buf, off, len)
                    + payloadLength
                    + RtpPacket.paddingLength(buf, off, len))
            .isEqualTo(off + len);
      }
    }
    assertThat(accepted).as("random packets accepted by isRtp").isGreaterThan(1_000);
  }
}
