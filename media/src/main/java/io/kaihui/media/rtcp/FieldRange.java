package io.kaihui.media.rtcp;

import java.util.List;

/**
 * Range checks for RTCP wire fields, shared by the record constructors so that every record the
 * writer accepts fits its fields and parses back to an equal record.
 */
final class FieldRange {

  /** Largest RTCP packet: the 16-bit length field counts 32-bit words minus one. */
  static final int MAX_PACKET_SIZE = 65536 * 4;

  private FieldRange() {}

  /**
   * Checks an unsigned 32-bit field such as an SSRC.
   *
   * @throws IllegalArgumentException when {@code value} is outside 0..2^32-1
   */
  static long checkUnsigned32(long value, String name) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(name + " must be 0..4294967295, got " + value);
    }
    return value;
  }

  /**
   * Checks an integer field against an inclusive range.
   *
   * @throws IllegalArgumentException when {@code value} is outside {@code min..max}
   */
  static int checkRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /**
   * Copies a list of SSRCs, checking its size and each SSRC.
   *
   * @throws IllegalArgumentException when the list has more than {@code maxSize} entries or an
   *     entry is outside 0..2^32-1
   * @throws NullPointerException when the list or an entry is null
   */
  static List<Long> checkSsrcs(List<Long> ssrcs, int maxSize, String name) {
    List<Long> copy = List.copyOf(ssrcs);
    if (copy.size() > maxSize) {
      throw new IllegalArgumentException(
          name + " holds at most " + maxSize + " SSRCs, got " + copy.size());
    }
    for (long ssrc : copy) {
      checkUnsigned32(ssrc, name + " entry");
    }
    return copy;
  }

  /**
   * Checks that a packet fits the 16-bit length field.
   *
   * @throws IllegalArgumentException when {@code size} exceeds {@link #MAX_PACKET_SIZE}
   */
  static void checkPacketSize(int size, String what) {
    if (size > MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          what + " would take " + size + " bytes; RTCP packets hold at most " + MAX_PACKET_SIZE);
    }
  }
}
