package io.kaihui.server.http;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14.1.2), resolved against a size.
 *
 * @param first the first byte, from 0
 * @param last the last byte, inclusive
 */
public record ByteRange(long first, long last) {

  /** What a {@code Range} header asks of content of a given size. */
  public sealed interface Request {}

  /** The whole content: no header, one this server does not honour, or several ranges. */
  public record Whole() implements Request {}

  /** A part. */
  public record Part(ByteRange range) implements Request {}

  /** A range that lies wholly past the end (answered 416). */
  public record Unsatisfiable() implements Request {}

  /** The number of bytes. */
  public long length() {
    return last - first + 1;
  }

  /**
   * Resolves a {@code Range} header. Only a single {@code bytes} range is served as a part
   * ({@code bytes=5-}, {@code bytes=5-9}, {@code bytes=-4} for the last four); anything else,
   * malformed or several ranges, is answered with the whole content, as RFC 9110 allows.
   *
   * @param header the header, or null
   * @param size the content's size in bytes
   * @return what to send
   */
  public static Request parse(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    String h = header.strip();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
      return new Whole();
    }
    String spec = h.substring(6).strip();
    if (spec.indexOf(',') >= 0) {
      return new Whole();
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    String from = spec.substring(0, dash).strip();
    String to = spec.substring(dash + 1).strip();
    long first;
    long last;
    if (from.isEmpty()) {
      long suffix = number(to);
      if (suffix < 0) {
        return new Whole();
      }
      if (suffix == 0 || size == 0) {
        return new Unsatisfiable();
      }
      first = Math.max(0, size - suffix);
      last = size - 1;
    } else {
      first = number(from);
      last = to.isEmpty() ? Long.MAX_VALUE : number(to);
      if (first < 0 || last < 0 || last < first) {
        return new Whole();
      }
      if (first >= size) {
        return new Unsatisfiable();
      }
      last = Math.min(last, size - 1);
    }
    return new Part(new ByteRange(first, last));
  }

  /** A non-negative decimal of at most 18 digits, or -1. */
  private static long number(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(s);
  }
}
