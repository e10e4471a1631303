package io.kaihui.media.rtcp;

import java.util.List;
import java.util.Optional;

/**
 * One chunk of a source description (RFC 3550 §6.5): an SSRC or CSRC and the items describing it.
 *
 * @param ssrc the SSRC or CSRC described, 0..2^32-1
 * @param items the items in wire order; may be empty
 */
public record SdesChunk(long ssrc, List<SdesItem> items) {

  /**
   * Checks {@code ssrc} and copies {@code items}.
   *
   * @throws IllegalArgumentException when {@code ssrc} is out of range
   * @throws NullPointerException when {@code items} or one of its entries is null
   */
  public SdesChunk {
    FieldRange.checkUnsigned32(ssrc, "ssrc");
    items = List.copyOf(items);
  }

  /**
   * Creates a chunk holding only a CNAME item (RFC 3550 §6.5.1), as WebRTC endpoints send.
   *
   * @param ssrc the SSRC described, 0..2^32-1
   * @param cname the canonical name; at most 255 bytes in UTF-8
   * @throws IllegalArgumentException when {@code ssrc} or {@code cname} is out of range
   */
  public SdesChunk(long ssrc, String cname) {
    this(ssrc, List.of(new SdesItem(SdesItem.CNAME, cname)));
  }

  /**
   * Returns the text of the chunk's first CNAME item.
   *
   * @return the CNAME, or empty when the chunk has none
   */
  public Optional<String> cname() {
    for (SdesItem item : items) {
      if (item.type() == SdesItem.CNAME) {
        return Optional.of(item.text());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the chunk's size on the wire: the SSRC, the items, and the null octets that end the
   * item list and pad the chunk to a 32-bit boundary (one to four of them).
   *
   * @return the size in bytes, a multiple of 4
   */
  public int size() {
    int itemBytes = 0;
    for (SdesItem item : items) {
      itemBytes += item.size();
    }
    return 4 + itemBytes + (4 - itemBytes % 4);
  }
}
