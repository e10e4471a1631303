package io.kaihui.media.rtcp;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6), as parsed by {@link RtcpParser} and written
 * by {@link RtcpWriter}. Implementations are immutable records; each validates its fields against
 * the wire format in its constructor, so any instance can be written, and writing then parsing
 * gives an equal record (except that {@link Remb} rounds its bitrate to 18 significant bits, and
 * {@link TransportCcFeedback} may come back with other status chunks).
 *
 * <p>Switch over the permitted records to handle each kind; anything this model does not cover
 * (APP, XR, transport-wide congestion control feedback, SLI, RPSI...) arrives as {@link
 * UnknownRtcp} and can be passed through unchanged.
 */
public sealed interface RtcpPacket
    permits SenderReport,
        ReceiverReport,
        SourceDescription,
        Bye,
        PictureLossIndication,
        FullIntraRequest,
        Nack,
        Remb,
        TransportCcFeedback,
        UnknownRtcp {

  /** Packet type of a sender report, SR (RFC 3550 §6.4.1). */
  int TYPE_SR = 200;

  /** Packet type of a receiver report, RR (RFC 3550 §6.4.2). */
  int TYPE_RR = 201;

  /** Packet type of a source description, SDES (RFC 3550 §6.5). */
  int TYPE_SDES = 202;

  /** Packet type of a goodbye, BYE (RFC 3550 §6.6). */
  int TYPE_BYE = 203;

  /** Packet type of application-defined RTCP, APP (RFC 3550 §6.7). */
  int TYPE_APP = 204;

  /** Packet type of transport layer feedback, RTPFB (RFC 4585 §6.1). */
  int TYPE_RTPFB = 205;

  /** Packet type of payload-specific feedback, PSFB (RFC 4585 §6.1). */
  int TYPE_PSFB = 206;

  /** Packet type of extended reports, XR (RFC 3611 §2). */
  int TYPE_XR = 207;

  /**
   * Returns the RTCP packet type of this packet, the second byte of its header.
   *
   * @return the packet type, 0..255, for example {@link #TYPE_PSFB}
   */
  int packetType();

  /**
   * Returns how many bytes {@link RtcpWriter#write} writes for this packet: the header, the body
   * and any item or reason padding, a multiple of 4.
   *
   * @return the size on the wire in bytes, 4..262144
   */
  int size();
}
