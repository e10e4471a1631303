package io.kaihui.bench.load;

import io.kaihui.media.testing.Vp8TrackState;
import io.kaihui.media.testing.VideoTrackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * VP8 frames of a recording as RTP, packetized as Chromium does (RFC 7741): each frame split
 * into payloads of at most {@link #MAX_PAYLOAD} bytes, each after a 4-byte payload descriptor
 * (X set; S on the frame's first packet; partition 0; I with a 15-bit PictureID that grows by
 * one per frame) and followed by a {@link SendStamp}; all packets of a frame share its 90 kHz
 * timestamp, the last has the marker bit (§4.1). Loops over the file. When a keyframe is asked
 * for (a receiver's PLI), it skips ahead to the next keyframe of the recording, so what is sent
 * stays decodable.
 */
final class RecordedVp8Source extends Vp8TrackState implements VideoTrackSource {

  /** Largest VP8 data per packet, bytes (Chromium stays near 1200 bytes of payload). */
  static final int MAX_PAYLOAD = 1100;

  private static final int CLOCK_RATE = 90_000;

  private final List<IvfFile.Frame> frames;
  private final int ticksPerFrame;
  private int next;

  RecordedVp8Source(IvfFile file, long ssrc, int payloadType, int framesPerSecond,
      Random random) {
    super(ssrc, payloadType, random);
    this.frames = file.frames();
    this.ticksPerFrame = CLOCK_RATE / framesPerSecond;
  }

  @Override
  public List<byte[]> nextFrame(boolean keyframe) {
    if (keyframe) {
      while (!frames.get(next).keyframe()) {
        next = (next + 1) % frames.size();
      }
    }
    IvfFile.Frame frame = frames.get(next);
    next = (next + 1) % frames.size();
    byte[] data = frame.data();
    int count = (data.length + MAX_PAYLOAD - 1) / MAX_PAYLOAD;
    List<byte[]> packets = new ArrayList<>(count);
    long now = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int from = i * MAX_PAYLOAD;
      int len = Math.min(MAX_PAYLOAD, data.length - from);
      byte[] p = new byte[12 + DESCRIPTOR_LENGTH + len + SendStamp.LENGTH];
      RtpHeaders.write(p, payloadType(), i == count - 1, sequence(), timestamp(), ssrc());
      writeDescriptor(p, 12, i == 0);
      System.arraycopy(data, from, p, 12 + DESCRIPTOR_LENGTH, len);
      SendStamp.write(p, 12 + DESCRIPTOR_LENGTH + len, now);
      packets.add(p);
      packetMade(DESCRIPTOR_LENGTH + len + SendStamp.LENGTH);
    }
    vp8FrameDone(ticksPerFrame, frame.keyframe());
    return packets;
  }
}
