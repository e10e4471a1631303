package io.kaihui.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Parses decrypted RTCP compound packets (RFC 3550 §6.1) into {@link RtcpPacket} records.
 *
 * <p>Each packet of the compound must have version 2 and a length field (32-bit words minus one)
 * that stays inside the compound; a packet with the padding bit set ends with a padding count that
 * must be 1 or more and fit inside the packet. RTCP carries feedback without a leading SR or RR
 * when reduced-size RTCP is negotiated (RFC 5506), so the parser does not require one. Sender and
 * receiver reports, SDES, BYE, NACK, PLI, FIR, REMB and transport-cc feedback become their records,
 * checked against their formats; every other packet becomes an {@link UnknownRtcp}.
 * Profile-specific report extensions and any bytes after the last SDES chunk or BYE reason are
 * ignored.
 *
 * <p>RTCP arrives about once a second per stream plus keyframe requests, so parsing allocates
 * records freely.
 */
public final class RtcpParser {

  private static final int HEADER = 4;

  private RtcpParser() {}

  /**
   * Parses a compound RTCP packet.
   *
   * @param buf the array holding the compound packet
   * @param off index of its first byte in {@code buf}
   * @param len its length in bytes
   * @return the packets in wire order, at least one; an unmodifiable list
   * @throws RtcpParseException when the bytes are not a well-formed compound packet: empty,
   *     truncated, a version other than 2, a length field that overruns, bad padding, or a known
   *     packet type whose body does not match its format
   * @throws IndexOutOfBoundsException when {@code off} and {@code len} do not describe a range
   *     inside {@code buf} (a programming error, not bad network input)
   */
  public static List<RtcpPacket> parseCompound(byte[] buf, int off, int len)
      throws RtcpParseException {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len == 0) {
      throw new RtcpParseException("RTCP compound packet is empty");
    }
    List<RtcpPacket> packets = new ArrayList<>();
    int position = off;
    int end = off + len;
    while (position < end) {
      int at = position - off;
      int remaining = end - position;
      if (remaining < HEADER) {
        throw new RtcpParseException(
            "RTCP header at byte " + at + " truncated: only " + remaining + " bytes remain");
      }
      int first = buf[position] & 0xFF;
      int packetType = buf[position + 1] & 0xFF;
      if (first >>> 6 != 2) {
        throw new RtcpParseException(
            "RTCP packet at byte " + at + " has version " + (first >>> 6) + ", expected 2");
      }
      int size = (readUint16(buf, position + 2) + 1) * 4;
      if (size > remaining) {
        throw new RtcpParseException(
            "RTCP packet at byte "
                + at
                + " (type "
                + packetType
                + ") declares "
                + size
                + " bytes but only "
                + remaining
                + " remain");
      }
      int bodyEnd = position + size;
      if ((first & 0x20) != 0) {
        int padding = buf[bodyEnd - 1] & 0xFF;
        if (padding == 0 || padding > size - HEADER) {
          throw new RtcpParseException(
              "RTCP packet at byte "
                  + at
                  + " (type "
                  + packetType
                  + ") has padding count "
                  + padding
                  + " for a body of "
                  + (size - HEADER)
                  + " bytes");
        }
        bodyEnd -= padding;
      }
      Body body = new Body(buf, position + HEADER, bodyEnd, at, packetType);
      packets.add(parsePacket(body, first & 0x1F));
      position += size;
    }
    return List.copyOf(packets);
  }

  private static RtcpPacket parsePacket(Body body, int count) throws RtcpParseException {
    try {
      return switch (body.packetType) {
        case RtcpPacket.TYPE_SR -> parseSenderReport(body, count);
        case RtcpPacket.TYPE_RR -> parseReceiverReport(body, count);
        case RtcpPacket.TYPE_SDES -> parseSourceDescription(body, count);
        case RtcpPacket.TYPE_BYE -> parseBye(body, count);
        case RtcpPacket.TYPE_RTPFB -> parseTransportFeedback(body, count);
        case RtcpPacket.TYPE_PSFB -> parsePayloadFeedback(body, count);
        default -> unknown(body, count);
      };
    } catch (IllegalArgumentException e) {
      // The readers only produce in-range values; this guards the contract that bad
      // network input surfaces as RtcpParseException and nothing else.
      throw body.error("is invalid: " + e.getMessage());
    }
  }

  // RFC 3550 §6.4.1
  private static SenderReport parseSenderReport(Body body, int count) throws RtcpParseException {
    body.require(24 + ReportBlock.SIZE * count, "a sender report with " + count + " report blocks");
    int p = body.start;
    return new SenderReport(
        body.uint32(p),
        body.uint32(p + 4) << 32 | body.uint32(p + 8),
        body.uint32(p + 12),
        body.uint32(p + 16),
        body.uint32(p + 20),
        reportBlocks(body, p + 24, count));
  }

  // RFC 3550 §6.4.2
  private static ReceiverReport parseReceiverReport(Body body, int count)
      throws RtcpParseException {
    body.require(
        4 + ReportBlock.SIZE * count, "a receiver report with " + count + " report blocks");
    return new ReceiverReport(body.uint32(body.start), reportBlocks(body, body.start + 4, count));
  }

  private static List<ReportBlock> reportBlocks(Body body, int start, int count) {
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int p = start + i * ReportBlock.SIZE;
      int lost = (int) body.uint32(p + 4) & 0xFF_FFFF;
      blocks.add(
          new ReportBlock(
              body.uint32(p),
              body.uint8(p + 4),
              (lost << 8) >> 8,
              body.uint32(p + 8),
              body.uint32(p + 12),
              body.uint32(p + 16),
              body.uint32(p + 20)));
    }
    return blocks;
  }

  // RFC 3550 §6.5: chunks of SSRC, items (type, length, text), a null octet, padding to 32 bits.
  private static SourceDescription parseSourceDescription(Body body, int count)
      throws RtcpParseException {
    List<SdesChunk> chunks = new ArrayList<>(count);
    int p = body.start;
    for (int i = 0; i < count; i++) {
      if (body.end - p < 4) {
        throw body.error("ends inside SDES chunk " + i);
      }
      long ssrc = body.uint32(p);
      p += 4;
      List<SdesItem> items = new ArrayList<>();
      while (true) {
        if (p >= body.end) {
          throw body.error("ends inside the item list of SDES chunk " + i);
        }
        int type = body.uint8(p);
        if (type == 0) {
          break;
        }
        if (p + 2 > body.end) {
          throw body.error("ends inside an item header of SDES chunk " + i);
        }
        int length = body.uint8(p + 1);
        if (p + 2 + length > body.end) {
          throw body.error("has an SDES item of " + length + " bytes that overruns it");
        }
        items.add(new SdesItem(type, body.utf8(p + 2, length, "SDES item")));
        p += 2 + length;
      }
      // The null octet ends the list; more null octets pad the chunk to 32 bits.
      p = body.start + ((p + 1 - body.start + 3) & ~3);
      if (p > body.end) {
        throw body.error("ends inside the padding of SDES chunk " + i);
      }
      chunks.add(new SdesChunk(ssrc, items));
    }
    return new SourceDescription(chunks);
  }

  // RFC 3550 §6.6
  private static Bye parseBye(Body body, int count) throws RtcpParseException {
    body.require(4 * count, "a BYE with " + count + " sources");
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(body.uint32(body.start + 4 * i));
    }
    int p = body.start + 4 * count;
    String reason = "";
    if (p < body.end) {
      int length = body.uint8(p);
      if (p + 1 + length > body.end) {
        throw body.error("has a BYE reason of " + length + " bytes that overruns it");
      }
      reason = body.utf8(p + 1, length, "BYE reason");
    }
    return new Bye(ssrcs, reason);
  }

  // RFC 4585 §6.2: transport layer feedback; only the generic NACK is modelled.
  private static RtcpPacket parseTransportFeedback(Body body, int fmt) throws RtcpParseException {
    if (fmt == TransportCcFeedback.FMT) {
      return parseTransportCcFeedback(body);
    }
    if (fmt != Nack.FMT) {
      return unknown(body, fmt);
    }
    int fciLength = body.length() - 8;
    if (fciLength < 4 || fciLength % 4 != 0) {
      throw body.error(
          "is a NACK with " + fciLength + " bytes of FCI; expected a positive multiple of 4");
    }
    List<Integer> lost = new ArrayList<>();
    for (int p = body.start + 8; p < body.end; p += 4) {
      int pid = body.uint16(p);
      int bitmask = body.uint16(p + 2);
      lost.add(pid);
      for (int bit = 0; bit < 16; bit++) {
        if ((bitmask & (1 << bit)) != 0) {
          lost.add((pid + 1 + bit) & 0xFFFF);
        }
      }
    }
    return new Nack(body.uint32(body.start), body.uint32(body.start + 4), lost);
  }

  /**
   * draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1, read as libwebrtc reads it ({@code
   * TransportFeedback::Parse}): chunks until the status count is reached, a chunk covering more
   * statuses than remain counting only those that remain; then one receive delta per received
   * status; bytes after the last delta ignored. The reserved symbol 11 and a status count of 0 are
   * errors, as is a packet without its receive deltas (libwebrtc's "no timestamps" variant, which
   * this SFU never negotiates).
   */
  private static TransportCcFeedback parseTransportCcFeedback(Body body) throws RtcpParseException {
    body.require(18, "a transport-cc feedback");
    int p = body.start;
    int count = body.uint16(p + 10);
    if (count == 0) {
      throw body.error("is a transport-cc feedback with a packet status count of 0");
    }
    byte[] symbols = new byte[count];
    int filled = 0;
    int q = p + 16;
    while (filled < count) {
      if (q + 2 > body.end) {
        throw body.error(
            "ends inside the status chunks of a transport-cc feedback ("
                + filled
                + " of "
                + count
                + " statuses read)");
      }
      int chunk = body.uint16(q);
      q += 2;
      filled = readChunk(body, chunk, symbols, filled);
    }
    List<TransportCcFeedback.PacketStatus> packets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int symbol = symbols[i];
      if (symbol == 0) {
        packets.add(TransportCcFeedback.PacketStatus.NOT_RECEIVED);
        continue;
      }
      if (q + symbol > body.end) {
        throw body.error("ends inside the receive deltas of a transport-cc feedback");
      }
      int delta = symbol == 1 ? body.uint8(q) : (short) body.uint16(q);
      packets.add(TransportCcFeedback.PacketStatus.received(delta));
      q += symbol;
    }
    return new TransportCcFeedback(
        body.uint32(p),
        body.uint32(p + 4),
        body.uint16(p + 8),
        (int) (body.uint32(p + 12) >>> 8),
        body.uint8(p + 15),
        packets);
  }

  /**
   * Decodes one packet status chunk (§3.1.3 run length, §3.1.4 status vector) into {@code symbols}
   * from index {@code filled}, at most up to the array's end.
   *
   * @return the new number of symbols filled
   */
  private static int readChunk(Body body, int chunk, byte[] symbols, int filled)
      throws RtcpParseException {
    int room = symbols.length - filled;
    if ((chunk & 0x8000) == 0) {
      int symbol = chunk >>> 13;
      int run = Math.min(chunk & 0x1FFF, room);
      if (symbol == 3 && run > 0) {
        throw body.error("has a run-length chunk of the reserved symbol 11");
      }
      Arrays.fill(symbols, filled, filled + run, (byte) symbol);
      return filled + run;
    }
    boolean twoBit = (chunk & 0x4000) != 0;
    int n = Math.min(twoBit ? 7 : 14, room);
    for (int i = 0; i < n; i++) {
      int symbol = twoBit ? chunk >>> 2 * (6 - i) & 3 : chunk >>> 13 - i & 1;
      if (symbol == 3) {
        throw body.error("has a status vector chunk with the reserved symbol 11");
      }
      symbols[filled + i] = (byte) symbol;
    }
    return filled + n;
  }

  // RFC 4585 §6.3 (PLI), RFC 5104 §4.3.1 (FIR), draft-alvestrand-rmcat-remb-03 (REMB).
  private static RtcpPacket parsePayloadFeedback(Body body, int fmt) throws RtcpParseException {
    return switch (fmt) {
      case PictureLossIndication.FMT -> {
        body.require(8, "a PLI");
        yield new PictureLossIndication(body.uint32(body.start), body.uint32(body.start + 4));
      }
      case FullIntraRequest.FMT -> parseFullIntraRequest(body);
      case Remb.FMT -> isRemb(body) ? parseRemb(body) : unknown(body, fmt);
      default -> unknown(body, fmt);
    };
  }

  private static FullIntraRequest parseFullIntraRequest(Body body) throws RtcpParseException {
    int fciLength = body.length() - 8;
    if (fciLength < 8 || fciLength % 8 != 0) {
      throw body.error(
          "is a FIR with " + fciLength + " bytes of FCI; expected a positive multiple of 8");
    }
    List<FirEntry> entries = new ArrayList<>(fciLength / 8);
    for (int p = body.start + 8; p < body.end; p += 8) {
      entries.add(new FirEntry(body.uint32(p), body.uint8(p + 4)));
    }
    return new FullIntraRequest(body.uint32(body.start), entries);
  }

  private static boolean isRemb(Body body) {
    int p = body.start + 8;
    return body.length() >= 12
        && body.buf[p] == 'R'
        && body.buf[p + 1] == 'E'
        && body.buf[p + 2] == 'M'
        && body.buf[p + 3] == 'B';
  }

  private static Remb parseRemb(Body body) throws RtcpParseException {
    body.require(16, "a REMB");
    int p = body.start + 12;
    int ssrcCount = body.uint8(p);
    int exponent = body.uint8(p + 1) >>> 2;
    long mantissa = (body.uint8(p + 1) & 0x03L) << 16 | body.uint16(p + 2);
    body.require(16 + 4 * ssrcCount, "a REMB with " + ssrcCount + " SSRCs");
    List<Long> ssrcs = new ArrayList<>(ssrcCount);
    for (int i = 0; i < ssrcCount; i++) {
      ssrcs.add(body.uint32(p + 4 + 4 * i));
    }
    long bitrate = mantissa << exponent;
    if (bitrate >>> exponent != mantissa || bitrate < 0) {
      bitrate = Remb.MAX_BITRATE_BPS;
    }
    return new Remb(body.uint32(body.start), bitrate, ssrcs);
  }

  private static UnknownRtcp unknown(Body body, int fmt) throws RtcpParseException {
    if (body.length() % 4 != 0) {
      throw body.error(
          "has a padding count that leaves " + body.length() + " body bytes, not a multiple of 4");
    }
    return new UnknownRtcp(
        body.packetType, fmt, Arrays.copyOfRange(body.buf, body.start, body.end));
  }

  private static int readUint16(byte[] buf, int index) {
    return (buf[index] & 0xFF) << 8 | (buf[index + 1] & 0xFF);
  }

  /** The body of one packet: after its 4-byte header, before its padding. */
  private record Body(byte[] buf, int start, int end, int at, int packetType) {

    int length() {
      return end - start;
    }

    void require(int bytes, String what) throws RtcpParseException {
      if (length() < bytes) {
        throw error(
            "has " + length() + " body bytes, too few for " + what + " (" + bytes + " needed)");
      }
    }

    RtcpParseException error(String problem) {
      return new RtcpParseException(
          "RTCP packet at byte " + at + " (type " + packetType + ") " + problem);
    }

    int uint8(int index) {
      return buf[index] & 0xFF;
    }

    int uint16(int index) {
      return readUint16(buf, index);
    }

    long uint32(int index) {
      return ((long) readUint16(buf, index) << 16) | readUint16(buf, index + 2);
    }

    String utf8(int index, int length, String what) throws RtcpParseException {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(buf, index, length))
            .toString();
      } catch (CharacterCodingException e) {
        throw error("has a " + what + " that is not UTF-8");
      }
    }
  }
}
