#!/bin/sh
# Regenerates the load generator's encoded media from the project's own recordings (the copies
# in e2e/src/main/resources/media, see their README): VP8 in IVF and Opus in Ogg, encoded the
# way a browser would send them (real-time settings, no B-frames or alt-ref, 20 ms Opus frames).
# Needs Debian's ffmpeg (apt-get install -y ffmpeg). Run from anywhere; writes into
# bench/src/main/resources/media.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../e2e/src/main/resources/media"
out="$here/../src/main/resources/media"
mkdir -p "$out"
# 6 s of street video, 640x480 at 15 frames/s, about 500 kbit/s; a keyframe every 2 s.
ffmpeg -hide_banner -loglevel error -y -framerate 15 -i "$src/street-640x480-6s.mjpeg" \
  -c:v libvpx -deadline realtime -cpu-used 8 -b:v 500k -minrate 500k -maxrate 500k \
  -g 30 -keyint_min 30 -auto-alt-ref 0 -lag-in-frames 0 -error-resilient 1 \
  -f ivf "$out/street-640x480-15fps.ivf"
# 8.6 s of speech, 48 kHz mono Opus at 32 kbit/s in 20 ms frames.
ffmpeg -hide_banner -loglevel error -y -i "$src/speech-48k-mono.wav" \
  -c:a libopus -b:a 32k -application voip -frame_duration 20 -vbr on \
  -f ogg "$out/speech-48k-mono.opus.ogg"
ls -l "$out"
