package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.rtp.RtpPacket;
import io.kaihui.media.rtp.Vp8PayloadDescriptor;
import io.kaihui.media.testing.AudioTrackSource;
import io.kaihui.media.testing.VideoTrackSource;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recorded media files, their parsers (with garbage) and their packetization. */
class RecordedMediaTest {

  private static final RecordedMedia MEDIA = RecordedMedia.load();

  @Test
  void theFilesHoldSixSecondsOfVp8AndEightOfOpus() {
    IvfFile v = MEDIA.video();
    assertThat(v.width()).isEqualTo(640);
    assertThat(v.height()).isEqualTo(480);
    assertThat(v.frames()).hasSize(90);
    assertThat(v.frames().stream().filter(IvfFile.Frame::keyframe).count()).isEqualTo(3);
    OggOpusFile a = MEDIA.audio();
    assertThat(a.channels()).isEqualTo(1);
    assertThat(a.packets()).allSatisfy(p -> assertThat(p.samples()).isEqualTo(960));
    assertThat(a.packets().size() * 20).isBetween(8_500, 8_800);
  }

  @Test
  void garbageIsRefusedWithAReason() {
    byte[] ivf = resource(MEDIA.video());
    Random random = new Random(1);
    for (int i = 0; i < 300; i++) {
      byte[] junk = new byte[random.nextInt(100)];
      random.nextBytes(junk);
      assertThatThrownBy(() -> IvfFile.parse(junk)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> OggOpusFile.parse(junk))
          .isInstanceOf(IllegalArgumentException.class);
    }
    // Truncated anywhere after the header: a clear error, never an out-of-bounds.
    for (int cut : new int[] {31, 40, 44, 1000, ivf.length - 1}) {
      assertThatThrownBy(() -> IvfFile.parse(Arrays.copyOf(ivf, cut)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] wrongCodec = ivf.clone();
    wrongCodec[10] = '9';
    assertThatThrownBy(() -> IvfFile.parse(wrongCodec)).hasMessageContaining("not VP8");
    assertThatThrownBy(() -> OggOpusFile.samples(new byte[] {(byte) 0x03}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OggOpusFile.samples(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opusDurationsComeFromTheTocByte() {
    assertThat(OggOpusFile.samples(new byte[] {(byte) (1 << 3)})).isEqualTo(960); // SILK 20 ms
    assertThat(OggOpusFile.samples(new byte[] {(byte) (15 << 3)})).isEqualTo(960); // hybrid
    assertThat(OggOpusFile.samples(new byte[] {(byte) (16 << 3)})).isEqualTo(120); // CELT 2.5
    assertThat(OggOpusFile.samples(new byte[] {(byte) ((31 << 3) | 1)})).isEqualTo(1920);
    assertThat(OggOpusFile.samples(new byte[] {(byte) ((3 << 3) | 3), 3})).isEqualTo(8640);
  }

  @Test
  void vp8FramesArePacketizedAsRfc7741SaysAndReassembleToTheFrame() {
    VideoTrackSource video = MEDIA.video(1234, 96, 15, new Random(2));
    IvfFile.Frame first = MEDIA.video().frames().get(0);
    List<byte[]> packets = video.nextFrame(true);
    assertThat(packets.size()).isEqualTo(
        (first.data().length + RecordedVp8Source.MAX_PAYLOAD - 1) / RecordedVp8Source.MAX_PAYLOAD);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    long timestamp = RtpPacket.timestamp(packets.get(0), 0);
    for (int i = 0; i < packets.size(); i++) {
      byte[] p = packets.get(i);
      assertThat(RtpPacket.ssrc(p, 0)).isEqualTo(1234);
      assertThat(RtpPacket.payloadType(p, 0)).isEqualTo(96);
      assertThat(RtpPacket.timestamp(p, 0)).isEqualTo(timestamp);
      assertThat(RtpPacket.marker(p, 0)).isEqualTo(i == packets.size() - 1);
      assertThat((p[12] & 0x10) != 0).as("S bit").isEqualTo(i == 0);
      assertThat(SendStamp.read(p, 12, p.length)).isNotEqualTo(Long.MIN_VALUE);
      frame.write(p, 16, p.length - 16 - SendStamp.LENGTH);
    }
    assertThat(frame.toByteArray()).isEqualTo(first.data());
    assertThat(Vp8PayloadDescriptor.isKeyframe(packets.get(0), 12, packets.get(0).length - 12))
        .isTrue();
    // The next frame: 6000 ticks of 90 kHz later, sequence numbers continue.
    List<byte[]> second = video.nextFrame(false);
    assertThat(RtpPacket.timestamp(second.get(0), 0)).isEqualTo((timestamp + 6000) & 0xFFFFFFFFL);
    assertThat(RtpPacket.sequenceNumber(second.get(0), 0))
        .isEqualTo((RtpPacket.sequenceNumber(packets.getLast(), 0) + 1) & 0xFFFF);
    // A keyframe asked for mid-stream skips ahead to the recording's next keyframe.
    List<byte[]> asked = video.nextFrame(true);
    assertThat(Vp8PayloadDescriptor.isKeyframe(asked.get(0), 12, asked.get(0).length - 12))
        .isTrue();
    assertThat(video.keyframesSent()).isEqualTo(2);
  }

  @Test
  void opusPacketsAreOnePerRtpPacketAt20Ms() {
    AudioTrackSource audio = MEDIA.audio(99, 111, new Random(3));
    byte[] buf = new byte[audio.maxPacketLength()];
    int len = audio.next(buf);
    long ts = RtpPacket.timestamp(buf, 0);
    byte[] opus = MEDIA.audio().packets().get(0).data();
    assertThat(len).isEqualTo(12 + opus.length + SendStamp.LENGTH);
    assertThat(Arrays.copyOfRange(buf, 12, 12 + opus.length)).isEqualTo(opus);
    audio.next(buf);
    assertThat(RtpPacket.timestamp(buf, 0)).isEqualTo((ts + 960) & 0xFFFFFFFFL);
    assertThat(audio.packetsSent()).isEqualTo(2);
  }

  @Test
  void sendStamps() {
    byte[] b = new byte[30];
    SendStamp.write(b, 20, 0x0123_4567_89AB_CDEFL);
    assertThat(SendStamp.read(b, 0, 30)).isEqualTo(0x0123_4567_89AB_CDEFL);
    assertThat(SendStamp.read(b, 25, 30)).isEqualTo(Long.MIN_VALUE);
    assertThat(SendStamp.read(new byte[30], 0, 30)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void processStatsParseProc() {
    ProcessStats s = ProcessStats.parse(
        "4242 (java (the server)) S 1 2 3 4 5 6 7 8 9 10 1234 266 0 0 20 0 50 0 100 1 2",
        "Name:\tjava\nVmRSS:\t  204800 kB\nThreads:\t50\n");
    assertThat(s.cpuSeconds()).isEqualTo(15.0);
    assertThat(s.rssBytes()).isEqualTo(204800L * 1024);
    assertThatThrownBy(() -> ProcessStats.parse("garbage", "")).isInstanceOf(
        IllegalStateException.class);
    assertThat(ProcessStats.of(ProcessHandle.current().pid()).rssBytes()).isPositive();
  }

  private static byte[] resource(IvfFile unused) {
    try (var in = RecordedMediaTest.class.getResourceAsStream(
        "/media/street-640x480-15fps.ivf")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
