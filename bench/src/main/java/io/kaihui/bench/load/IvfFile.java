package io.kaihui.bench.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A VP8 stream in an IVF file, read whole into memory: the 32-byte file header ({@code DKIF},
 * version 0, header length, FourCC {@code VP80}, width, height, time base, frame count; all
 * little-endian) and each frame's 12-byte header (size, 64-bit presentation time) and data. A
 * frame is a keyframe when bit 0 of its first byte, the VP8 frame tag's P bit, is 0 (RFC 6386
 * §9.1).
 *
 * @param width the frame width, pixels
 * @param height the frame height, pixels
 * @param timebaseDenominator the time base's denominator (time base = numerator/denominator s)
 * @param timebaseNumerator the time base's numerator
 * @param frames every frame, in file order
 */
public record IvfFile(int width, int height, int timebaseDenominator, int timebaseNumerator,
    List<Frame> frames) {

  /** Largest frame accepted, bytes: far above any 1080p VP8 frame. */
  public static final int MAX_FRAME_BYTES = 4 << 20;

  /**
   * One compressed frame.
   *
   * @param data the VP8 frame, starting with its frame tag
   * @param pts the presentation time, in time-base units
   * @param keyframe whether it is a keyframe (intra frame)
   */
  public record Frame(byte[] data, long pts, boolean keyframe) {}

  /**
   * Parses a whole IVF file.
   *
   * @param file its bytes
   * @return the stream
   * @throws IllegalArgumentException with the reason if it is not a VP8 IVF file, is truncated,
   *     or holds an empty or oversized frame
   */
  public static IvfFile parse(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < 32 || !new String(file, 0, 4, StandardCharsets.US_ASCII).equals("DKIF")) {
      throw new IllegalArgumentException("not an IVF file: no DKIF signature");
    }
    int version = b.getShort(4) & 0xFFFF;
    int headerLength = b.getShort(6) & 0xFFFF;
    String fourcc = new String(file, 8, 4, StandardCharsets.US_ASCII);
    if (version != 0 || headerLength < 32 || headerLength > file.length) {
      throw new IllegalArgumentException("unsupported IVF header: version " + version
          + ", length " + headerLength);
    }
    if (!fourcc.equals("VP80")) {
      throw new IllegalArgumentException("not VP8 but " + fourcc.strip());
    }
    int width = b.getShort(12) & 0xFFFF;
    int height = b.getShort(14) & 0xFFFF;
    int denominator = b.getInt(16);
    int numerator = b.getInt(20);
    if (width == 0 || height == 0 || denominator <= 0 || numerator <= 0) {
      throw new IllegalArgumentException("bad IVF header: " + width + "x" + height
          + ", time base " + numerator + "/" + denominator);
    }
    List<Frame> frames = new ArrayList<>();
    int at = headerLength;
    while (at < file.length) {
      if (file.length - at < 12) {
        throw new IllegalArgumentException("truncated frame header at byte " + at);
      }
      long size = b.getInt(at) & 0xFFFF_FFFFL;
      long pts = b.getLong(at + 4);
      if (size == 0 || size > MAX_FRAME_BYTES) {
        throw new IllegalArgumentException("frame of " + size + " bytes at byte " + at);
      }
      if (size > file.length - at - 12) {
        throw new IllegalArgumentException("truncated frame at byte " + at);
      }
      byte[] data = new byte[(int) size];
      System.arraycopy(file, at + 12, data, 0, data.length);
      frames.add(new Frame(data, pts, (data[0] & 1) == 0));
      at += 12 + (int) size;
    }
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames");
    }
    if (!frames.get(0).keyframe()) {
      throw new IllegalArgumentException("the first frame is not a keyframe");
    }
    return new IvfFile(width, height, denominator, numerator, List.copyOf(frames));
  }
}
