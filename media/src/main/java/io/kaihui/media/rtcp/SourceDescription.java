package io.kaihui.media.rtcp;

import java.util.List;

/**
 * A source description, SDES (RFC 3550 §6.5): items such as the CNAME that ties a participant's
 * SSRCs together, one chunk per described source.
 *
 * <p>Item text is UTF-8 (RFC 3550 §6.5); the parser rejects items that are not.
 *
 * @param chunks the chunks, at most 31
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

  /** Most chunks one packet holds: the 5-bit source count. */
  public static final int MAX_CHUNKS = 31;

  /**
   * Copies and checks {@code chunks}.
   *
   * @throws IllegalArgumentException when there are more than 31 chunks or the packet would exceed
   *     the RTCP length field
   * @throws NullPointerException when {@code chunks} or one of its entries is null
   */
  public SourceDescription {
    chunks = List.copyOf(chunks);
    FieldRange.checkRange(chunks.size(), 0, MAX_CHUNKS, "number of SDES chunks");
    FieldRange.checkPacketSize(4 + chunkBytes(chunks), "SDES packet");
  }

  /** {@inheritDoc} Always {@link #TYPE_SDES}. */
  @Override
  public int packetType() {
    return TYPE_SDES;
  }

  /** {@inheritDoc} 4 bytes plus the size of each chunk. */
  @Override
  public int size() {
    return 4 + chunkBytes(chunks);
  }

  private static int chunkBytes(List<SdesChunk> chunks) {
    int bytes = 0;
    for (SdesChunk chunk : chunks) {
      bytes += chunk.size();
    }
    return bytes;
  }
}
