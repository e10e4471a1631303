package io.kaihui.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link RtcpPacket} records in their wire format (RFC 3550 §6, RFC 4585 §6, RFC 5104
 * §4.3.1, draft-alvestrand-rmcat-remb-03, draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1),
 * ready for SRTCP protection.
 *
 * <p>Packets are written without the padding bit, except transport-cc feedback, padded as libwebrtc
 * pads it ({@link TransportCcFeedbackBuilder}); SDES chunks end with one to four null octets and
 * BYE reasons with zero to three, as RFC 3550 §6.5 and §6.6 ask. {@link RtcpParser} reads
 * everything written here back into equal records, except that a {@link Remb} bitrate comes back
 * rounded down to 18 significant bits.
 */
public final class RtcpWriter {

  private RtcpWriter() {}

  /**
   * Writes one packet.
   *
   * @param packet the packet to write
   * @param out the array to write into
   * @param off index in {@code out} of the first byte to write
   * @return the number of bytes written, {@code packet.size()}
   * @throws IllegalArgumentException when {@code off} is negative or {@code out} has fewer than
   *     {@code packet.size()} bytes from {@code off}
   * @throws NullPointerException when {@code packet} or {@code out} is null
   */
  public static int write(RtcpPacket packet, byte[] out, int off) {
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(out, "out");
    int size = packet.size();
    if (off < 0 || off > out.length || out.length - off < size) {
      throw new IllegalArgumentException(
          "RTCP packet of type "
              + packet.packetType()
              + " needs "
              + size
              + " bytes at offset "
              + off
              + " but the array holds "
              + out.length);
    }
    switch (packet) {
      case SenderReport sr -> writeSenderReport(sr, out, off);
      case ReceiverReport rr -> writeReceiverReport(rr, out, off);
      case SourceDescription sdes -> writeSourceDescription(sdes, out, off);
      case Bye bye -> writeBye(bye, out, off);
      case PictureLossIndication pli -> writePictureLossIndication(pli, out, off);
      case FullIntraRequest fir -> writeFullIntraRequest(fir, out, off);
      case Nack nack -> writeNack(nack, out, off);
      case Remb remb -> writeRemb(remb, out, off);
      case TransportCcFeedback feedback -> feedback.encode().write(out, off);
      case UnknownRtcp unknown -> writeUnknown(unknown, out, off);
    }
    return size;
  }

  /**
   * Writes packets one after another as a compound packet (RFC 3550 §6.1). The caller chooses the
   * order; RFC 3550 wants an SR or RR first unless reduced-size RTCP (RFC 5506) is in use.
   *
   * @param packets the packets, at least one
   * @return a new array holding exactly the compound packet
   * @throws IllegalArgumentException when no packet is given
   * @throws NullPointerException when the array or one of its packets is null
   */
  public static byte[] toBytes(RtcpPacket... packets) {
    if (packets.length == 0) {
      throw new IllegalArgumentException("a compound RTCP packet holds at least one packet");
    }
    int total = 0;
    for (RtcpPacket packet : packets) {
      total += Objects.requireNonNull(packet, "packet").size();
    }
    byte[] out = new byte[total];
    int position = 0;
    for (RtcpPacket packet : packets) {
      position += write(packet, out, position);
    }
    return out;
  }

  // RFC 3550 §6.4.1
  private static void writeSenderReport(SenderReport sr, byte[] out, int off) {
    writeHeader(out, off, sr.reports().size(), RtcpPacket.TYPE_SR, sr.size());
    writeUint32(out, off + 4, sr.ssrc());
    writeUint32(out, off + 8, sr.ntpTimestamp() >>> 32);
    writeUint32(out, off + 12, sr.ntpTimestamp());
    writeUint32(out, off + 16, sr.rtpTimestamp());
    writeUint32(out, off + 20, sr.packetCount());
    writeUint32(out, off + 24, sr.octetCount());
    writeReportBlocks(sr.reports(), out, off + 28);
  }

  // RFC 3550 §6.4.2
  private static void writeReceiverReport(ReceiverReport rr, byte[] out, int off) {
    writeHeader(out, off, rr.reports().size(), RtcpPacket.TYPE_RR, rr.size());
    writeUint32(out, off + 4, rr.ssrc());
    writeReportBlocks(rr.reports(), out, off + 8);
  }

  private static void writeReportBlocks(List<ReportBlock> blocks, byte[] out, int off) {
    int p = off;
    for (ReportBlock block : blocks) {
      writeUint32(out, p, block.ssrc());
      writeUint32(
          out, p + 4, (long) block.fractionLost() << 24 | (block.cumulativeLost() & 0xFF_FFFF));
      writeUint32(out, p + 8, block.extendedHighestSequence());
      writeUint32(out, p + 12, block.jitter());
      writeUint32(out, p + 16, block.lastSenderReport());
      writeUint32(out, p + 20, block.delaySinceLastSenderReport());
      p += ReportBlock.SIZE;
    }
  }

  // RFC 3550 §6.5
  private static void writeSourceDescription(SourceDescription sdes, byte[] out, int off) {
    writeHeader(out, off, sdes.chunks().size(), RtcpPacket.TYPE_SDES, sdes.size());
    int p = off + 4;
    for (SdesChunk chunk : sdes.chunks()) {
      int chunkEnd = p + chunk.size();
      writeUint32(out, p, chunk.ssrc());
      p += 4;
      for (SdesItem item : chunk.items()) {
        byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
        out[p] = (byte) item.type();
        out[p + 1] = (byte) text.length;
        System.arraycopy(text, 0, out, p + 2, text.length);
        p += 2 + text.length;
      }
      while (p < chunkEnd) {
        out[p++] = 0;
      }
    }
  }

  // RFC 3550 §6.6
  private static void writeBye(Bye bye, byte[] out, int off) {
    int end = off + bye.size();
    writeHeader(out, off, bye.ssrcs().size(), RtcpPacket.TYPE_BYE, bye.size());
    int p = off + 4;
    for (long ssrc : bye.ssrcs()) {
      writeUint32(out, p, ssrc);
      p += 4;
    }
    if (!bye.reason().isEmpty()) {
      byte[] reason = bye.reason().getBytes(StandardCharsets.UTF_8);
      out[p] = (byte) reason.length;
      System.arraycopy(reason, 0, out, p + 1, reason.length);
      p += 1 + reason.length;
    }
    while (p < end) {
      out[p++] = 0;
    }
  }

  // RFC 4585 §6.3.1
  private static void writePictureLossIndication(PictureLossIndication pli, byte[] out, int off) {
    writeHeader(out, off, PictureLossIndication.FMT, RtcpPacket.TYPE_PSFB, pli.size());
    writeUint32(out, off + 4, pli.senderSsrc());
    writeUint32(out, off + 8, pli.mediaSsrc());
  }

  // RFC 5104 §4.3.1
  private static void writeFullIntraRequest(FullIntraRequest fir, byte[] out, int off) {
    writeHeader(out, off, FullIntraRequest.FMT, RtcpPacket.TYPE_PSFB, fir.size());
    writeUint32(out, off + 4, fir.senderSsrc());
    writeUint32(out, off + 8, 0);
    int p = off + 12;
    for (FirEntry entry : fir.entries()) {
      writeUint32(out, p, entry.ssrc());
      writeUint32(out, p + 4, (long) entry.sequenceNumber() << 24);
      p += 8;
    }
  }

  // RFC 4585 §6.2.1
  private static void writeNack(Nack nack, byte[] out, int off) {
    int[] entries = Nack.packFeedbackControlInformation(nack.lostSequenceNumbers());
    writeHeader(out, off, Nack.FMT, RtcpPacket.TYPE_RTPFB, 12 + 4 * entries.length);
    writeUint32(out, off + 4, nack.senderSsrc());
    writeUint32(out, off + 8, nack.mediaSsrc());
    int p = off + 12;
    for (int entry : entries) {
      writeUint32(out, p, entry & 0xFFFF_FFFFL);
      p += 4;
    }
  }

  // draft-alvestrand-rmcat-remb-03 §2.2
  private static void writeRemb(Remb remb, byte[] out, int off) {
    writeHeader(out, off, Remb.FMT, RtcpPacket.TYPE_PSFB, remb.size());
    writeUint32(out, off + 4, remb.senderSsrc());
    writeUint32(out, off + 8, 0);
    out[off + 12] = 'R';
    out[off + 13] = 'E';
    out[off + 14] = 'M';
    out[off + 15] = 'B';
    long bitrate = remb.bitrateBps();
    int exponent = 0;
    while (bitrate >>> exponent > 0x3_FFFF) {
      exponent++;
    }
    long mantissa = bitrate >>> exponent;
    writeUint32(out, off + 16, (long) remb.ssrcs().size() << 24 | (long) exponent << 18 | mantissa);
    int p = off + 20;
    for (long ssrc : remb.ssrcs()) {
      writeUint32(out, p, ssrc);
      p += 4;
    }
  }

  private static void writeUnknown(UnknownRtcp unknown, byte[] out, int off) {
    writeHeader(out, off, unknown.fmt(), unknown.packetType(), unknown.size());
    byte[] body = unknown.body();
    System.arraycopy(body, 0, out, off + 4, body.length);
  }

  // RFC 3550 §6.4.1: V=2, P=0, a 5-bit count or FMT, the type, and the length in words - 1.
  private static void writeHeader(byte[] out, int off, int count, int packetType, int size) {
    out[off] = (byte) (0x80 | count);
    out[off + 1] = (byte) packetType;
    int words = size / 4 - 1;
    out[off + 2] = (byte) (words >>> 8);
    out[off + 3] = (byte) words;
  }

  private static void writeUint32(byte[] out, int index, long value) {
    out[index] = (byte) (value >>> 24);
    out[index + 1] = (byte) (value >>> 16);
    out[index + 2] = (byte) (value >>> 8);
    out[index + 3] = (byte) value;
  }
}
