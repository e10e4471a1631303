package io.kaihui.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Vp8PayloadDescriptorTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Uncompressed data chunk of a VP8 keyframe (RFC 6386 §9.1): the 3-byte frame tag (P=0 keyframe,
   * version 0, show_frame=1, first partition size 0x1234, little-endian), the start code 9d 01 2a,
   * width 640 and height 480 (little-endian), then compressed data.
   */
  private static final String KEYFRAME_HEADER = "904602" + "9d012a" + "8002" + "e001" + "0102";

  /** The same frame tag with P=1: an interframe, which has no start code. */
  private static final String INTERFRAME_HEADER = "914602" + "112233445566";

  /**
   * Full descriptor as Chromium sends with simulcast (RFC 7741 §4.2): X=1, S=1, PID=0; I=1, L=1,
   * T=1, K=0; 15-bit PictureID 0x1234; TL0PICIDX 0x56; TID=2, Y=1.
   */
  private static final String FULL_DESCRIPTOR = "90" + "e0" + "9234" + "56" + "a0";

  private static byte[] payload(String hex) {
    return HEX.parseHex(hex);
  }

  @Test
  void detectsAKeyframeBehindAFullDescriptor() {
    byte[] payload = payload(FULL_DESCRIPTOR + KEYFRAME_HEADER);
    int len = payload.length;

    assertThat(Vp8PayloadDescriptor.descriptorLength(payload, 0, len)).isEqualTo(6);
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(payload, 0, len)).isTrue();
    assertThat(Vp8PayloadDescriptor.isKeyframe(payload, 0, len)).isTrue();
    assertThat(Vp8PayloadDescriptor.pictureId(payload, 0, len)).isEqualTo(0x1234);
    assertThat(Vp8PayloadDescriptor.tl0PicIdx(payload, 0, len)).isEqualTo(0x56);
    assertThat(Vp8PayloadDescriptor.temporalLayerId(payload, 0, len)).isEqualTo(2);
  }

  @Test
  void detectsAKeyframeBehindTheMinimalDescriptor() {
    byte[] payload = payload("10" + KEYFRAME_HEADER);
    assertThat(Vp8PayloadDescriptor.descriptorLength(payload, 0, payload.length)).isEqualTo(1);
    assertThat(Vp8PayloadDescriptor.isKeyframe(payload, 0, payload.length)).isTrue();
    assertThat(Vp8PayloadDescriptor.pictureId(payload, 0, payload.length)).isEqualTo(-1);
    assertThat(Vp8PayloadDescriptor.tl0PicIdx(payload, 0, payload.length)).isEqualTo(-1);
    assertThat(Vp8PayloadDescriptor.temporalLayerId(payload, 0, payload.length)).isEqualTo(-1);
  }

  @Test
  void readsAPayloadInsideALargerArray() {
    byte[] rtpPayload = payload(FULL_DESCRIPTOR + KEYFRAME_HEADER);
    byte[] buf = new byte[30 + rtpPayload.length];
    Arrays.fill(buf, (byte) 0xFF);
    System.arraycopy(rtpPayload, 0, buf, 30, rtpPayload.length);
    assertThat(Vp8PayloadDescriptor.isKeyframe(buf, 30, rtpPayload.length)).isTrue();
    assertThat(Vp8PayloadDescriptor.pictureId(buf, 30, rtpPayload.length)).isEqualTo(0x1234);
  }

  @Test
  void readsASevenBitPictureIdAndSkipsAbsentFields() {
    // X=1, S=1; I=1, K=1 (KEYIDX byte present, no TID); 7-bit PictureID 0x7f.
    byte[] payload = payload("90" + "90" + "7f" + "05" + KEYFRAME_HEADER);
    assertThat(Vp8PayloadDescriptor.descriptorLength(payload, 0, payload.length)).isEqualTo(4);
    assertThat(Vp8PayloadDescriptor.pictureId(payload, 0, payload.length)).isEqualTo(0x7F);
    assertThat(Vp8PayloadDescriptor.tl0PicIdx(payload, 0, payload.length)).isEqualTo(-1);
    assertThat(Vp8PayloadDescriptor.temporalLayerId(payload, 0, payload.length)).isEqualTo(-1);
    assertThat(Vp8PayloadDescriptor.isKeyframe(payload, 0, payload.length)).isTrue();
  }

  @Test
  void readsTemporalFieldsWithoutAPictureId() {
    // X=1, S=0; L=1, T=1; TL0PICIDX 0xfe; TID=1.
    byte[] payload = payload("80" + "60" + "fe" + "40" + "aabbcc");
    assertThat(Vp8PayloadDescriptor.descriptorLength(payload, 0, payload.length)).isEqualTo(4);
    assertThat(Vp8PayloadDescriptor.pictureId(payload, 0, payload.length)).isEqualTo(-1);
    assertThat(Vp8PayloadDescriptor.tl0PicIdx(payload, 0, payload.length)).isEqualTo(0xFE);
    assertThat(Vp8PayloadDescriptor.temporalLayerId(payload, 0, payload.length)).isEqualTo(1);
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(payload, 0, payload.length)).isFalse();
  }

  @Test
  void interframesAreNotKeyframes() {
    byte[] payload = payload(FULL_DESCRIPTOR + INTERFRAME_HEADER);
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(payload, 0, payload.length)).isTrue();
    assertThat(Vp8PayloadDescriptor.isKeyframe(payload, 0, payload.length)).isFalse();
  }

  @Test
  void continuationPacketsAreNotKeyframes() {
    // S=0: a later packet of the keyframe, even if its bytes look like a keyframe header.
    byte[] middle = payload("80" + "e0" + "9234" + "56" + "a0" + KEYFRAME_HEADER);
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(middle, 0, middle.length)).isFalse();
    assertThat(Vp8PayloadDescriptor.isKeyframe(middle, 0, middle.length)).isFalse();

    // S=1 but PID=1: the start of the second partition, not of the frame.
    byte[] secondPartition = payload("11" + KEYFRAME_HEADER);
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(secondPartition, 0, secondPartition.length))
        .isFalse();
    assertThat(Vp8PayloadDescriptor.isKeyframe(secondPartition, 0, secondPartition.length))
        .isFalse();
  }

  @Test
  void requiresTheKeyframeStartCode() {
    byte[] payload = payload("10" + "904602" + "9d012b" + "8002e001");
    assertThat(Vp8PayloadDescriptor.isKeyframe(payload, 0, payload.length)).isFalse();
  }

  @Test
  void answersFalseOrMinusOneForEveryTruncation() {
    byte[] full = payload(FULL_DESCRIPTOR + KEYFRAME_HEADER);
    for (int len = 0; len < full.length; len++) {
      byte[] prefix = Arrays.copyOf(full, len);
      String at = "length " + len;
      assertThat(Vp8PayloadDescriptor.descriptorLength(prefix, 0, len))
          .as(at)
          .isEqualTo(len >= 6 ? 6 : -1);
      assertThat(Vp8PayloadDescriptor.isKeyframe(prefix, 0, len)).as(at).isEqualTo(len >= 12);
      assertThat(Vp8PayloadDescriptor.pictureId(prefix, 0, len))
          .as(at)
          .isEqualTo(len >= 6 ? 0x1234 : -1);
      assertThat(Vp8PayloadDescriptor.tl0PicIdx(prefix, 0, len))
          .as(at)
          .isEqualTo(len >= 6 ? 0x56 : -1);
      assertThat(Vp8PayloadDescriptor.temporalLayerId(prefix, 0, len))
          .as(at)
          .isEqualTo(len >= 6 ? 2 : -1);
      assertThat(Vp8PayloadDescriptor.isStartOfFrame(prefix, 0, len)).as(at).isEqualTo(len >= 1);
    }
  }

  @Test
  void neverThrowsOnRandomPayloads() {
    Random random = new Random(7741L);
    int keyframes = 0;
    for (int i = 0; i < 50_000; i++) {
      int off = random.nextInt(3);
      int len = random.nextInt(14);
      byte[] buf = new byte[off + len];
      random.nextBytes(buf);
      if (len >= 10 && random.nextInt(4) == 0) {
        // Plant a start code behind a one-byte descriptor so that keyframes occur.
        buf[off] = 0x10;
        buf[off + 1] &= (byte) 0xFE;
        buf[off + 4] = (byte) 0x9D;
        buf[off + 5] = 0x01;
        buf[off + 6] = 0x2A;
      }
      int descriptorLength = Vp8PayloadDescriptor.descriptorLength(buf, off, len);
      assertThat(descriptorLength).isBetween(-1, Math.min(6, len));
      assertThat(descriptorLength).isNotZero();
      assertThat(Vp8PayloadDescriptor.pictureId(buf, off, len)).isBetween(-1, 0x7FFF);
      assertThat(Vp8PayloadDescriptor.tl0PicIdx(buf, off, len)).isBetween(-1, 255);
      assertThat(Vp8PayloadDescriptor.temporalLayerId(buf, off, len)).isBetween(-1, 3);
      boolean keyframe = Vp8PayloadDescriptor.isKeyframe(buf, off, len);
      if (keyframe) {
        keyframes++;
        assertThat(Vp8PayloadDescriptor.isStartOfFrame(buf, off, len)).isTrue();
        assertThat(descriptorLength).isPositive();
      }
    }
    assertThat(keyframes).as("random payloads taken as keyframes").isGreaterThan(1_000);
  }
}
