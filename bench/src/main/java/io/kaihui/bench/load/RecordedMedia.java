package io.kaihui.bench.load;

import io.kaihui.media.testing.AudioTrackSource;
import io.kaihui.media.testing.MediaSources;
import io.kaihui.media.testing.VideoTrackSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * The load generator's real encoded media, read once and shared by every participant: VP8
 * street video (640x480, 15 frames/s, about 500 kbit/s, a keyframe every 2 s) and Opus speech
 * (48 kHz mono, 32 kbit/s, 20 ms packets), made from the project's recordings by
 * {@code bench/media/make-media.sh}. Each participant sends them from the start, in a loop, at
 * their real timing, packetized as a browser does (RFC 7741, RFC 7587), each payload followed by
 * a {@link SendStamp}.
 *
 * @param video the VP8 stream
 * @param audio the Opus stream
 */
public record RecordedMedia(IvfFile video, OggOpusFile audio) implements MediaSources {

  /** The video's frame rate, frames/s. */
  public static final int FRAMES_PER_SECOND = 15;

  /** Reads the two files from the classpath ({@code /media/...}). */
  public static RecordedMedia load() {
    return new RecordedMedia(IvfFile.parse(resource("/media/street-640x480-15fps.ivf")),
        OggOpusFile.parse(resource("/media/speech-48k-mono.opus.ogg")));
  }

  @Override
  public AudioTrackSource audio(long ssrc, int payloadType, Random random) {
    return new RecordedOpusSource(audio, ssrc, payloadType, random);
  }

  @Override
  public VideoTrackSource video(long ssrc, int payloadType, int framesPerSecond,
      Random random) {
    if (framesPerSecond != FRAMES_PER_SECOND) {
      throw new IllegalArgumentException("the recorded video has " + FRAMES_PER_SECOND
          + " frames/s, not " + framesPerSecond);
    }
    return new RecordedVp8Source(video, ssrc, payloadType, framesPerSecond, random);
  }

  private static byte[] resource(String name) {
    try (InputStream in = RecordedMedia.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath; run"
            + " bench/media/make-media.sh");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
