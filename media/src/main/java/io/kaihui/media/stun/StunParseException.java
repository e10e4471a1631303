package io.kaihui.media.stun;

/**
 * Thrown when bytes that were offered as a STUN message break RFC 8489 §5 (header) or §14
 * (attributes). The message names what was wrong and the offset, counted in bytes from the first
 * byte of the STUN header, where it was found.
 */
public final class StunParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * Creates the exception.
   *
   * @param problem what was wrong, e.g. {@code "magic cookie is 0x00000000, expected
   *     0x2112A442"}
   * @param offset bytes from the start of the STUN message to where the problem was found
   */
  public StunParseException(String problem, int offset) {
    super(problem + " (at offset " + offset + ")");
    this.offset = offset;
  }

  /**
   * Where the problem was found.
   *
   * @return bytes from the start of the STUN message (its header's first byte), 0 or more
   */
  public int offset() {
    return offset;
  }
}
