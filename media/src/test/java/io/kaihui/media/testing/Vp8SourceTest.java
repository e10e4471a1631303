package io.kaihui.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.rtp.Vp8PayloadDescriptor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Vp8Source}: frames that the SFU's own VP8 reader (RFC 7741) takes for what they are. */
class Vp8SourceTest {

  @Test
  void aKeyframeIsThreePacketsOfOneTimestampStartingWithTheKeyframeHeader() {
    Vp8Source source = new Vp8Source(0x1234_5678L, 96, 15, new Random(1));
    List<byte[]> frame = source.nextFrame(true);

    assertThat(frame).hasSize(3);
    int firstSeq = RtpPacket.sequenceNumber(frame.get(0), 0);
    int pictureId = -1;
    for (int i = 0; i < frame.size(); i++) {
      byte[] p = frame.get(i);
      int off = RtpPacket.payloadOffset(p, 0, p.length);
      int len = RtpPacket.payloadLength(p, 0, p.length);
      assertThat(RtpPacket.isRtp(p, 0, p.length)).isTrue();
      assertThat(RtpPacket.payloadType(p, 0)).isEqualTo(96);
      assertThat(RtpPacket.ssrc(p, 0)).isEqualTo(0x1234_5678L);
      assertThat(RtpPacket.sequenceNumber(p, 0)).isEqualTo((firstSeq + i) & 0xFFFF);
      assertThat(RtpPacket.timestamp(p, 0)).isEqualTo(RtpPacket.timestamp(frame.get(0), 0));
      assertThat(RtpPacket.marker(p, 0)).isEqualTo(i == 2);
      assertThat(Vp8PayloadDescriptor.descriptorLength(p, off, len))
          .isEqualTo(Vp8Source.DESCRIPTOR_LENGTH);
      assertThat(Vp8PayloadDescriptor.isStartOfFrame(p, off, len)).isEqualTo(i == 0);
      assertThat(Vp8PayloadDescriptor.isKeyframe(p, off, len)).isEqualTo(i == 0);
      if (i == 0) {
        pictureId = Vp8PayloadDescriptor.pictureId(p, off, len);
      }
      assertThat(Vp8PayloadDescriptor.pictureId(p, off, len)).isEqualTo(pictureId);
      assertThat(RtpTag.isPresent(p, off, len)).isTrue();
      assertThat(RtpTag.ssrc(p, off + len)).isEqualTo(0x1234_5678L);
      assertThat(RtpTag.sequence(p, off + len)).isEqualTo(RtpPacket.sequenceNumber(p, 0));
      assertThat(RtpTag.timestamp(p, off + len)).isEqualTo(RtpPacket.timestamp(p, 0));
    }
    assertThat(source.keyframesSent()).isOne();
  }

  @Test
  void anInterframeIsOnePacketThatStartsAFrameButNoKeyframe() {
    Vp8Source source = new Vp8Source(7, 98, 15, new Random(2));
    byte[] key = source.nextFrame(true).get(0);
    byte[] delta = source.nextFrame(false).getFirst();
    List<byte[]> next = source.nextFrame(false);

    int off = RtpPacket.payloadOffset(delta, 0, delta.length);
    int len = RtpPacket.payloadLength(delta, 0, delta.length);
    assertThat(next).hasSize(1);
    assertThat(RtpPacket.marker(delta, 0)).isTrue();
    assertThat(Vp8PayloadDescriptor.isStartOfFrame(delta, off, len)).isTrue();
    assertThat(Vp8PayloadDescriptor.isKeyframe(delta, off, len)).isFalse();
    assertThat(RtpPacket.timestamp(delta, 0) - RtpPacket.timestamp(key, 0) & 0xFFFF_FFFFL)
        .isEqualTo(90_000 / 15);
    int keyOff = RtpPacket.payloadOffset(key, 0, key.length);
    assertThat(Vp8PayloadDescriptor.pictureId(delta, off, len))
        .isEqualTo((Vp8PayloadDescriptor.pictureId(key, keyOff, key.length - keyOff) + 1) & 0x7FFF);
    assertThat(source.packetsSent()).isEqualTo(5);
    assertThat(source.lastSequence()).isEqualTo(RtpPacket.sequenceNumber(next.getFirst(), 0));
  }
}
