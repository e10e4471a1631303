package io.kaihui.bench.load;

import io.kaihui.media.rtp.RtpPacket;

/** Writes the fixed 12-byte RTP header (RFC 3550 §5.1) with the media engine's setters. */
final class RtpHeaders {

  private RtpHeaders() {}

  /** Version 2, no padding, extension or CSRCs. */
  static void write(byte[] buf, int payloadType, boolean marker, int sequence, long timestamp,
      long ssrc) {
    buf[0] = (byte) 0x80;
    RtpPacket.setPayloadType(buf, 0, payloadType);
    RtpPacket.setMarker(buf, 0, marker);
    RtpPacket.setSequenceNumber(buf, 0, sequence);
    RtpPacket.setTimestamp(buf, 0, timestamp);
    RtpPacket.setSsrc(buf, 0, ssrc);
  }
}
