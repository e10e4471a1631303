package io.kaihui.media.rtcp;

/**
 * One entry of a full intra request (RFC 5104 §4.3.1.1): the media sender asked for a decoder
 * refresh and the request's command sequence number.
 *
 * @param ssrc SSRC of the media sender that should send a decoder refresh point, 0..2^32-1
 * @param sequenceNumber command sequence number, 0..255; the requester increments it (modulo 256)
 *     for each new request and repeats it for retransmissions of the same request
 */
public record FirEntry(long ssrc, int sequenceNumber) {

  /**
   * Checks both fields.
   *
   * @throws IllegalArgumentException when {@code ssrc} is outside 0..2^32-1 or {@code
   *     sequenceNumber} outside 0..255
   */
  public FirEntry {
    FieldRange.checkUnsigned32(ssrc, "ssrc");
    FieldRange.checkRange(sequenceNumber, 0, 255, "FIR sequence number");
  }
}
