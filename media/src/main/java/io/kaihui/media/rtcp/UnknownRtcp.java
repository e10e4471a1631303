package io.kaihui.media.rtcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet this model does not interpret (APP, XR, SLI, RPSI, ...), kept as raw bytes so that
 * it can be passed through unchanged.
 *
 * <p>The body is copied on construction and on access; {@link #equals} and {@link #hashCode}
 * compare its content.
 *
 * @param packetType the packet type, 0..255 (RFC 3550 §6.4.1 "PT")
 * @param fmt the 5-bit field after the padding bit: a report or source count, or the feedback
 *     message type (RFC 4585 §6.1), 0..31
 * @param body the bytes after the 4-byte header, padding excluded; a multiple of 4 bytes, at most
 *     262140
 */
public record UnknownRtcp(int packetType, int fmt, byte[] body) implements RtcpPacket {

  /**
   * Checks the fields and copies {@code body}.
   *
   * @throws IllegalArgumentException when a field is out of range or the body's length is not a
   *     multiple of 4 or exceeds the RTCP length field
   * @throws NullPointerException when {@code body} is null
   */
  public UnknownRtcp {
    FieldRange.checkRange(packetType, 0, 255, "packetType");
    FieldRange.checkRange(fmt, 0, 31, "fmt");
    body = body.clone();
    if (body.length % 4 != 0) {
      throw new IllegalArgumentException(
          "RTCP body must be a multiple of 4 bytes, got " + body.length);
    }
    FieldRange.checkPacketSize(4 + body.length, "RTCP packet");
  }

  /**
   * Returns a copy of the body.
   *
   * @return the bytes after the 4-byte header, padding excluded
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** {@inheritDoc} 4 bytes plus the body. */
  @Override
  public int size() {
    return 4 + body.length;
  }

  /**
   * Compares packet type, fmt and body content.
   *
   * @param other the object to compare with
   * @return {@code true} when {@code other} is an {@code UnknownRtcp} with equal fields
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownRtcp that
        && packetType == that.packetType
        && fmt == that.fmt
        && Arrays.equals(body, that.body);
  }

  /**
   * Hashes packet type, fmt and body content.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (packetType * 31 + fmt) * 31 + Arrays.hashCode(body);
  }

  /**
   * Describes the packet with its body in hexadecimal.
   *
   * @return for example {@code UnknownRtcp[packetType=204, fmt=0, body=4baae1ab...]}
   */
  @Override
  public String toString() {
    return "UnknownRtcp[packetType="
        + packetType
        + ", fmt="
        + fmt
        + ", body="
        + HexFormat.of().formatHex(body)
        + "]";
  }
}
