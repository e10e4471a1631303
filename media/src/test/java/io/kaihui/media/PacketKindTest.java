package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PacketKind}: the first-byte ranges of RFC 7983 §7 and RTP versus RTCP of RFC 5761 §4. */
class PacketKindTest {

  @Test
  void everyFirstByteFallsInItsRfc7983Range() {
    for (int b0 = 0; b0 < 256; b0++) {
      PacketKind expected;
      if (b0 <= 3) {
        expected = PacketKind.STUN;
      } else if (b0 <= 19) {
        expected = PacketKind.UNKNOWN;          // 4..15 unassigned, 16..19 ZRTP
      } else if (b0 <= 63) {
        expected = PacketKind.DTLS;
      } else if (b0 <= 127) {
        expected = PacketKind.UNKNOWN;          // 64..79 TURN channels, 80..127 unassigned
      } else if (b0 <= 191) {
        expected = PacketKind.RTP;              // second byte 0: payload type 0
      } else {
        expected = PacketKind.UNKNOWN;
      }
      assertThat(PacketKind.of(new byte[] {(byte) b0, 0, 0, 0}, 0, 4)).as("first byte %d", b0)
          .isEqualTo(expected);
    }
  }

  @Test
  void theBoundariesAreWhereRfc7983PutsThem() {
    assertThat(kind(3)).isEqualTo(PacketKind.STUN);
    assertThat(kind(4)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(kind(19)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(kind(20)).isEqualTo(PacketKind.DTLS);
    assertThat(kind(63)).isEqualTo(PacketKind.DTLS);
    assertThat(kind(64)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(kind(127)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(kind(128)).isEqualTo(PacketKind.RTP);
    assertThat(kind(191)).isEqualTo(PacketKind.RTP);
    assertThat(kind(192)).isEqualTo(PacketKind.UNKNOWN);
  }

  @Test
  void rtcpIsToldApartByPacketType192To223InTheSecondByte() {
    for (int b1 = 0; b1 < 256; b1++) {
      PacketKind expected = b1 >= 192 && b1 <= 223 ? PacketKind.RTCP : PacketKind.RTP;
      for (int b0 : new int[] {128, 0x90, 0xA0, 191}) {
        assertThat(PacketKind.of(new byte[] {(byte) b0, (byte) b1}, 0, 2))
            .as("bytes %d %d", b0, b1).isEqualTo(expected);
      }
    }
    // Real first bytes: a Chromium SR+SDES (0x80 0xC8), PLI (0x81 0xCE), RR (0x81 0xC9).
    assertThat(PacketKind.of(new byte[] {(byte) 0x80, (byte) 0xC8}, 0, 2))
        .isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.of(new byte[] {(byte) 0x81, (byte) 0xCE}, 0, 2))
        .isEqualTo(PacketKind.RTCP);
    // Opus 111 with the marker bit set is 0xEF: RTP, not RTCP.
    assertThat(PacketKind.of(new byte[] {(byte) 0x80, (byte) 0xEF}, 0, 2))
        .isEqualTo(PacketKind.RTP);
  }

  @Test
  void emptyAndOneByteRtpAreUnknown() {
    assertThat(PacketKind.of(new byte[0], 0, 0)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.of(new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.of(new byte[] {0}, 0, 1)).isEqualTo(PacketKind.STUN);
    assertThat(PacketKind.of(new byte[] {22}, 0, 1)).isEqualTo(PacketKind.DTLS);
    // The length counts, not the array: a long array with length 0 is empty.
    assertThat(PacketKind.of(new byte[] {0, 0}, 0, 0)).isEqualTo(PacketKind.UNKNOWN);
  }

  @Test
  void readsAtTheOffset() {
    byte[] buf = {(byte) 0xFF, (byte) 0x80, (byte) 0xC9, 22};
    assertThat(PacketKind.of(buf, 0, 4)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.of(buf, 1, 2)).isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.of(buf, 1, 1)).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.of(buf, 3, 1)).isEqualTo(PacketKind.DTLS);
  }

  @Test
  void randomDatagramsNeverThrow() {
    Random random = new Random(7983);
    for (int i = 0; i < 10_000; i++) {
      byte[] buf = new byte[random.nextInt(40)];
      random.nextBytes(buf);
      int off = buf.length == 0 ? 0 : random.nextInt(buf.length + 1);
      int len = random.nextInt(buf.length - off + 1);
      assertThatCode(() -> PacketKind.of(buf, off, len)).doesNotThrowAnyException();
    }
  }

  private static PacketKind kind(int firstByte) {
    return PacketKind.of(new byte[] {(byte) firstByte, 0x60}, 0, 2);
  }
}
