package io.kaihui.media.rtcp;

import java.util.Arrays;
import java.util.List;

/**
 * A generic negative acknowledgement, NACK (RFC 4585 §6.2.1): transport layer feedback (packet type
 * 205, FMT 1) listing RTP sequence numbers the receiver lost and wants retransmitted.
 *
 * <p>On the wire the numbers travel as FCI entries of a packet ID (PID) and a bitmask of the 16
 * following lost packets (BLP). The parser expands each entry to the PID followed by the numbers
 * whose BLP bits are set, in ascending bit order, wrapping past 65535. The writer packs the list in
 * its order: a number joins the current entry when it lies 1..16 after the entry's PID and after
 * the entry's last number, otherwise it starts a new entry. So any list survives a round trip, and
 * the usual ascending list packs as tightly as libwebrtc packs it.
 *
 * @param senderSsrc SSRC of the packet's sender, 0..2^32-1
 * @param mediaSsrc SSRC of the media source whose packets were lost, 0..2^32-1
 * @param lostSequenceNumbers the lost RTP sequence numbers, each 0..65535, at least one (RFC 4585
 *     §6.1)
 */
public record Nack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers)
    implements RtcpPacket {

  /** Feedback message type (FMT) of a generic NACK. */
  public static final int FMT = 1;

  /**
   * Checks the fields and copies {@code lostSequenceNumbers}.
   *
   * @throws IllegalArgumentException when an SSRC or sequence number is out of range, the list is
   *     empty, or its entries would exceed the RTCP length field
   * @throws NullPointerException when the list or one of its entries is null
   */
  public Nack {
    FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    FieldRange.checkUnsigned32(mediaSsrc, "mediaSsrc");
    lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
    if (lostSequenceNumbers.isEmpty()) {
      throw new IllegalArgumentException("a NACK lists at least one sequence number");
    }
    for (int sequenceNumber : lostSequenceNumbers) {
      FieldRange.checkRange(sequenceNumber, 0, 0xFFFF, "lost sequence number");
    }
    FieldRange.checkPacketSize(
        12 + 4 * packFeedbackControlInformation(lostSequenceNumbers).length, "NACK");
  }

  /** {@inheritDoc} Always {@link #TYPE_RTPFB}. */
  @Override
  public int packetType() {
    return TYPE_RTPFB;
  }

  /** {@inheritDoc} 12 bytes plus 4 per PID/BLP entry. */
  @Override
  public int size() {
    return 12 + 4 * packFeedbackControlInformation(lostSequenceNumbers).length;
  }

  /**
   * Packs sequence numbers into FCI entries as described on the class.
   *
   * @return one {@code PID << 16 | BLP} value per entry, in wire order
   */
  static int[] packFeedbackControlInformation(List<Integer> sequenceNumbers) {
    int[] entries = new int[sequenceNumbers.size()];
    int count = 0;
    int pid = -1;
    int bitmask = 0;
    int lastShift = -1;
    for (int sequenceNumber : sequenceNumbers) {
      if (pid >= 0) {
        int shift = (sequenceNumber - pid - 1) & 0xFFFF;
        if (shift < 16 && shift > lastShift) {
          bitmask |= 1 << shift;
          lastShift = shift;
          continue;
        }
        entries[count++] = pid << 16 | bitmask;
      }
      pid = sequenceNumber;
      bitmask = 0;
      lastShift = -1;
    }
    if (pid >= 0) {
      entries[count++] = pid << 16 | bitmask;
    }
    return Arrays.copyOf(entries, count);
  }
}
