package io.kaihui.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One item of a source description chunk (RFC 3550 §6.5): a type and UTF-8 text of at most 255
 * bytes. WebRTC endpoints send only {@link #CNAME}.
 *
 * @param type the item type, 1..255, for example {@link #CNAME}
 * @param text the item's text; its UTF-8 encoding holds at most 255 bytes. For {@link #PRIV} items
 *     the text is the whole item content, prefix length octet included.
 */
public record SdesItem(int type, String text) {

  /** Canonical end-point identifier, CNAME (RFC 3550 §6.5.1). */
  public static final int CNAME = 1;

  /** User name, NAME (RFC 3550 §6.5.2). */
  public static final int NAME = 2;

  /** Electronic mail address, EMAIL (RFC 3550 §6.5.3). */
  public static final int EMAIL = 3;

  /** Phone number, PHONE (RFC 3550 §6.5.4). */
  public static final int PHONE = 4;

  /** Geographic user location, LOC (RFC 3550 §6.5.5). */
  public static final int LOC = 5;

  /** Application or tool name, TOOL (RFC 3550 §6.5.6). */
  public static final int TOOL = 6;

  /** Notice or status, NOTE (RFC 3550 §6.5.7). */
  public static final int NOTE = 7;

  /** Private extension, PRIV (RFC 3550 §6.5.8). */
  public static final int PRIV = 8;

  /** Most bytes of text one item holds: the 8-bit length field. */
  public static final int MAX_TEXT_BYTES = 255;

  /**
   * Checks the type and the text's encoded length.
   *
   * @throws IllegalArgumentException when {@code type} is outside 1..255 (0 ends an item list on
   *     the wire) or the text's UTF-8 encoding exceeds 255 bytes
   * @throws NullPointerException when {@code text} is null
   */
  public SdesItem {
    FieldRange.checkRange(type, 1, 255, "SDES item type");
    Objects.requireNonNull(text, "text");
    FieldRange.checkRange(
        text.getBytes(StandardCharsets.UTF_8).length,
        0,
        MAX_TEXT_BYTES,
        "SDES item text length in UTF-8 bytes");
  }

  /**
   * Returns the item's size on the wire: type and length octets plus the UTF-8 text.
   *
   * @return the size in bytes, 2..257
   */
  public int size() {
    return 2 + text.getBytes(StandardCharsets.UTF_8).length;
  }
}
