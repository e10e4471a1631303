package io.kaihui.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An Opus stream in an Ogg file (RFC 7845), read whole into memory: Ogg pages (RFC 3533 §6:
 * {@code OggS}, version 0, header type, granule position, serial, page number, CRC, segment
 * table) joined into packets by their lacing values; the first packet must be the
 * {@code OpusHead} identification header and the second the {@code OpusTags} comment header;
 * every later packet is audio. Each audio packet's duration comes from its TOC byte (RFC 6716
 * §3.1). Only the first logical stream is read.
 *
 * @param channels the channel count of the identification header
 * @param packets the audio packets, in order
 */
public record OggOpusFile(int channels, List<Packet> packets) {

  /**
   * One Opus packet.
   *
   * @param data the packet, starting with its TOC byte
   * @param samples its duration in 48 kHz samples (960 for 20 ms)
   */
  public record Packet(byte[] data, int samples) {}

  /**
   * Parses a whole Ogg Opus file.
   *
   * @param file its bytes
   * @return the stream
   * @throws IllegalArgumentException with the reason if it is not Ogg, not Opus, truncated, or
   *     holds a packet whose TOC byte is not valid
   */
  public static OggOpusFile parse(byte[] file) {
    List<byte[]> raw = new ArrayList<>();
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    int at = 0;
    long serial = -1;
    while (at < file.length) {
      if (file.length - at < 27) {
        throw new IllegalArgumentException("truncated page header at byte " + at);
      }
      if (!new String(file, at, 4, StandardCharsets.US_ASCII).equals("OggS")) {
        throw new IllegalArgumentException("no OggS capture pattern at byte " + at);
      }
      if (file[at + 4] != 0) {
        throw new IllegalArgumentException("Ogg version " + file[at + 4] + " at byte " + at);
      }
      long pageSerial = le32(file, at + 14);
      int segments = file[at + 26] & 0xFF;
      int bodyAt = at + 27 + segments;
      if (bodyAt > file.length) {
        throw new IllegalArgumentException("truncated segment table at byte " + at);
      }
      int bodyLength = 0;
      for (int i = 0; i < segments; i++) {
        bodyLength += file[at + 27 + i] & 0xFF;
      }
      if (bodyAt + bodyLength > file.length) {
        throw new IllegalArgumentException("truncated page body at byte " + at);
      }
      if (serial == -1) {
        serial = pageSerial;
      }
      if (pageSerial == serial) {
        int p = bodyAt;
        for (int i = 0; i < segments; i++) {
          int lacing = file[at + 27 + i] & 0xFF;
          partial.write(file, p, lacing);
          p += lacing;
          if (lacing < 255) {
            raw.add(partial.toByteArray());
            partial.reset();
          }
        }
      }
      at = bodyAt + bodyLength;
    }
    if (raw.size() < 2 || !startsWith(raw.get(0), "OpusHead") || raw.get(0).length < 19) {
      throw new IllegalArgumentException("no OpusHead identification header");
    }
    if (!startsWith(raw.get(1), "OpusTags")) {
      throw new IllegalArgumentException("no OpusTags comment header");
    }
    int channels = raw.get(0)[9] & 0xFF;
    List<Packet> packets = new ArrayList<>();
    for (byte[] p : raw.subList(2, raw.size())) {
      packets.add(new Packet(p, samples(p)));
    }
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("no audio packets");
    }
    return new OggOpusFile(channels, List.copyOf(packets));
  }

  /**
   * The duration of an Opus packet in 48 kHz samples, from its TOC byte and, for code 3, its
   * frame count byte (RFC 6716 §3.1, §3.2.5).
   *
   * @throws IllegalArgumentException if the packet is empty or its frame count byte missing
   */
  static int samples(byte[] packet) {
    if (packet.length == 0) {
      throw new IllegalArgumentException("an empty Opus packet");
    }
    int toc = packet[0] & 0xFF;
    int config = toc >>> 3;
    int frameSamples;
    if (config < 12) {
      frameSamples = new int[] {480, 960, 1920, 2880}[config & 3]; // SILK: 10, 20, 40, 60 ms
    } else if (config < 16) {
      frameSamples = (config & 1) == 0 ? 480 : 960; // hybrid: 10, 20 ms
    } else {
      frameSamples = new int[] {120, 240, 480, 960}[config & 3]; // CELT: 2.5, 5, 10, 20 ms
    }
    int frames = switch (toc & 3) {
      case 0 -> 1;
      case 1, 2 -> 2;
      default -> {
        if (packet.length < 2) {
          throw new IllegalArgumentException("a code 3 Opus packet without its frame count");
        }
        yield packet[1] & 0x3F;
      }
    };
    return frameSamples * frames;
  }

  private static boolean startsWith(byte[] p, String magic) {
    return p.length >= magic.length()
        && new String(p, 0, magic.length(), StandardCharsets.US_ASCII).equals(magic);
  }

  private static long le32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }
}
