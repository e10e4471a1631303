package io.kaihui.media.rtcp;

import java.util.List;
import java.util.Objects;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): transport layer feedback (packet type 205, FMT 15) telling a sender, for a run of
 * transport-wide sequence numbers (§2), which packets arrived and when, so that its send-side
 * bandwidth estimator can see queues build up before packets are lost.
 *
 * <p>The record holds the feedback as the receiver meant it: one {@link PacketStatus} per sequence
 * number from {@link #baseSequenceNumber} on, each either not received or received with its receive
 * delta. The wire encoding (run-length, one-bit and two-bit status vector chunks, one- or two-byte
 * deltas, padding) is not part of it: {@link RtcpWriter} encodes the statuses as libwebrtc does
 * ({@link TransportCcFeedbackBuilder}), and {@link RtcpParser} reads any valid encoding back to the
 * same statuses. So {@code parse(write(feedback))} equals {@code feedback}, while a packet from
 * another encoder may come back re-encoded.
 *
 * <p>Receive times: the first received packet arrived {@code receiveDelta × 250 µs} after {@code
 * referenceTime × 64 ms}; every later received packet arrived {@code receiveDelta × 250 µs} after
 * the previous received one (§3.1.5). The time base is the receiver's own, so only differences mean
 * anything.
 *
 * @param senderSsrc SSRC of the feedback's sender, 0..2^32-1
 * @param mediaSsrc SSRC of a media source of the reported packets, 0..2^32-1 (libwebrtc puts the
 *     SSRC of the last packet received; senders ignore it)
 * @param baseSequenceNumber the transport-wide sequence number of the first status, 0..65535
 * @param referenceTime the reference time in units of 64 ms, 0..2^24-1. The draft calls the field
 *     signed; receivers write it modulo 2^24 and senders unwrap it, so this model keeps the 24 bits
 *     as they are
 * @param feedbackPacketCount the sender's count of feedback packets, modulo 256 (§3.1)
 * @param packets one status per sequence number from {@code baseSequenceNumber} on (wrapping after
 *     65535), 1 to 65535 of them
 */
public record TransportCcFeedback(
    long senderSsrc,
    long mediaSsrc,
    int baseSequenceNumber,
    int referenceTime,
    int feedbackPacketCount,
    List<PacketStatus> packets)
    implements RtcpPacket {

  /** Feedback message type (FMT) of transport-wide congestion control feedback. */
  public static final int FMT = 15;

  /** The unit of a receive delta, in µs (§3.1.5). */
  public static final int DELTA_UNIT_MICROS = 250;

  /** The unit of the reference time, in µs (§3.1: multiples of 64 ms). */
  public static final int REFERENCE_TIME_UNIT_MICROS = 64_000;

  /** Most statuses one feedback holds: the 16-bit "packet status count" field. */
  public static final int MAX_PACKET_STATUSES = 0xFFFF;

  /** Largest reference time, the 24-bit field with all bits set. */
  public static final int MAX_REFERENCE_TIME = 0xFF_FFFF;

  /**
   * What became of one packet (§3.1.1): not received, or received {@code receiveDelta} units of 250
   * µs after the previous received packet of the feedback (or after the reference time for the
   * first). Deltas of 0..255 travel in one byte ("small delta"), others, negative ones included, in
   * two ("large or negative delta").
   *
   * @param received whether the packet arrived
   * @param receiveDelta the receive delta in units of 250 µs, -32768..32767; 0 when not received
   */
  public record PacketStatus(boolean received, int receiveDelta) {

    /** A packet that did not arrive (symbol 00). */
    public static final PacketStatus NOT_RECEIVED = new PacketStatus(false, 0);

    /**
     * Checks the delta.
     *
     * @throws IllegalArgumentException when the delta is outside -32768..32767, or not 0 for a
     *     packet not received
     */
    public PacketStatus {
      FieldRange.checkRange(receiveDelta, Short.MIN_VALUE, Short.MAX_VALUE, "receiveDelta");
      if (!received && receiveDelta != 0) {
        throw new IllegalArgumentException(
            "a packet not received has no receive delta, got " + receiveDelta);
      }
    }

    /**
     * A received packet.
     *
     * @param receiveDelta the receive delta in units of 250 µs, -32768..32767
     * @return the status
     * @throws IllegalArgumentException when the delta is out of range
     */
    public static PacketStatus received(int receiveDelta) {
      return new PacketStatus(true, receiveDelta);
    }
  }

  /**
   * Checks the fields and copies {@code packets}.
   *
   * @throws IllegalArgumentException when a field is out of range, there are no statuses or more
   *     than 65535
   * @throws NullPointerException when {@code packets} or one of its entries is null
   */
  public TransportCcFeedback {
    FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    FieldRange.checkUnsigned32(mediaSsrc, "mediaSsrc");
    FieldRange.checkRange(baseSequenceNumber, 0, 0xFFFF, "baseSequenceNumber");
    FieldRange.checkRange(referenceTime, 0, MAX_REFERENCE_TIME, "referenceTime");
    FieldRange.checkRange(feedbackPacketCount, 0, 0xFF, "feedbackPacketCount");
    packets = List.copyOf(Objects.requireNonNull(packets, "packets"));
    FieldRange.checkRange(packets.size(), 1, MAX_PACKET_STATUSES, "number of packet statuses");
  }

  /** {@inheritDoc} Always {@link #TYPE_RTPFB}. */
  @Override
  public int packetType() {
    return TYPE_RTPFB;
  }

  /**
   * {@inheritDoc} 20 bytes, 2 per status chunk, 1 or 2 per receive delta, padded to a multiple of
   * 4.
   */
  @Override
  public int size() {
    return encode().size();
  }

  /**
   * Returns the transport-wide sequence number a status stands for.
   *
   * @param index index into {@link #packets}
   * @return {@code baseSequenceNumber + index} modulo 2^16
   * @throws IndexOutOfBoundsException when {@code index} is not an index of {@link #packets}
   */
  public int sequenceNumber(int index) {
    Objects.checkIndex(index, packets.size());
    return (baseSequenceNumber + index) & 0xFFFF;
  }

  /** The statuses fed into a builder of just the right capacity, ready to write. */
  TransportCcFeedbackBuilder encode() {
    // At most 2 bytes of chunk and 2 of delta per status, plus the header and padding.
    int bound =
        Math.min(
            FieldRange.MAX_PACKET_SIZE,
            TransportCcFeedbackBuilder.HEADER_SIZE + 4 * packets.size() + 3);
    TransportCcFeedbackBuilder builder = new TransportCcFeedbackBuilder(bound);
    builder.reset(senderSsrc, mediaSsrc, baseSequenceNumber, referenceTime, feedbackPacketCount);
    for (PacketStatus status : packets) {
      boolean added =
          status.received() ? builder.addReceived(status.receiveDelta()) : builder.addNotReceived();
      if (!added) {
        // 65535 statuses take at most about 150 kB, well inside the bound.
        throw new IllegalStateException(
            "transport-cc feedback with "
                + packets.size()
                + " statuses did not fit "
                + bound
                + " bytes");
      }
    }
    return builder;
  }
}
