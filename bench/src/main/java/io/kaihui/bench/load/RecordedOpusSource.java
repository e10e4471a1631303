package io.kaihui.bench.load;

import io.kaihui.media.testing.AudioTrackSource;
import io.kaihui.media.testing.RtpTrackState;
import java.util.List;
import java.util.Random;

/**
 * Opus packets of a recording as RTP (RFC 7587 §4.2): one packet per RTP packet, the 48 kHz
 * timestamp advancing by each packet's duration, no marker bit; then a {@link SendStamp}.
 * Sequence number and timestamp start at random values (RFC 3550 §5.1). Loops.
 */
final class RecordedOpusSource extends RtpTrackState implements AudioTrackSource {

  private final List<OggOpusFile.Packet> packets;
  private final int maxLength;
  private int next;

  RecordedOpusSource(OggOpusFile file, long ssrc, int payloadType, Random random) {
    super(ssrc, payloadType, random);
    this.packets = file.packets();
    this.maxLength = 12 + SendStamp.LENGTH
        + packets.stream().mapToInt(p -> p.data().length).max().orElse(0);
  }

  @Override
  public int maxPacketLength() {
    return maxLength;
  }

  @Override
  public int next(byte[] out) {
    OggOpusFile.Packet p = packets.get(next);
    next = (next + 1) % packets.size();
    RtpHeaders.write(out, payloadType(), false, sequence(), timestamp(), ssrc());
    System.arraycopy(p.data(), 0, out, 12, p.data().length);
    int end = 12 + p.data().length;
    SendStamp.write(out, end, System.nanoTime());
    packetMade(p.data().length + SendStamp.LENGTH);
    frameDone(p.samples());
    return end + SendStamp.LENGTH;
  }
}
