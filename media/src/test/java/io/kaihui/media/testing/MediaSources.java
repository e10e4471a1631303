package io.kaihui.media.testing;

import java.util.Random;

/**
 * Makes a {@link SyntheticParticipant}'s track sources: {@link #SYNTHETIC} (noise in the shape
 * of Opus and VP8, tagged with {@link RtpTag}) for the engine's tests, or recorded media for the
 * load generator.
 */
public interface MediaSources {

  /** Opus-shaped 20 ms packets and VP8-shaped frames of random bytes, each with an RtpTag. */
  MediaSources SYNTHETIC = new MediaSources() {
    @Override
    public AudioTrackSource audio(long ssrc, int payloadType, Random random) {
      return new OpusSource(ssrc, payloadType, random);
    }

    @Override
    public VideoTrackSource video(long ssrc, int payloadType, int framesPerSecond,
        Random random) {
      return new Vp8Source(ssrc, payloadType, framesPerSecond, random);
    }
  };

  /**
   * The audio track.
   *
   * @param ssrc its SSRC
   * @param payloadType the Opus payload type of the offer
   * @param random for the initial sequence number and timestamp
   */
  AudioTrackSource audio(long ssrc, int payloadType, Random random);

  /**
   * The video track.
   *
   * @param ssrc its SSRC
   * @param payloadType the VP8 payload type of the offer
   * @param framesPerSecond the frame rate it is called at
   * @param random for the initial sequence number, timestamp and picture id
   */
  VideoTrackSource video(long ssrc, int payloadType, int framesPerSecond, Random random);
}
