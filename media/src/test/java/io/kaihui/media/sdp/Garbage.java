package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile input for parser tests: random text and mutations of real text, and the check that a
 * parser either accepts input or throws {@link SdpParseException}, never anything else.
 */
final class Garbage {

  /** Characters that matter to the SDP grammar, weighted in with random ones. */
  private static final String SPECIAL = "\r\n\0 :=/;*-.+#\t0123456789avmcbtos";

  private Garbage() {}

  /** A value parser under test. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws SdpParseException;
  }

  /** A random character: mostly printable ASCII, sometimes grammar-relevant or non-ASCII. */
  static char randomChar(Random random) {
    int kind = random.nextInt(10);
    if (kind < 6) {
      return (char) (0x20 + random.nextInt(0x5F));
    }
    if (kind < 9) {
      return SPECIAL.charAt(random.nextInt(SPECIAL.length()));
    }
    return (char) random.nextInt(0x10000);
  }

  /** A random string of up to {@code maxLength} characters. */
  static String randomText(Random random, int maxLength) {
    int n = random.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(randomChar(random));
    }
    return sb.toString();
  }

  /** {@code text} with the character at one random position replaced by a random one. */
  static String corrupt(Random random, String text) {
    if (text.isEmpty()) {
      return String.valueOf(randomChar(random));
    }
    int at = random.nextInt(text.length());
    return text.substring(0, at) + randomChar(random) + text.substring(at + 1);
  }

  /**
   * Runs the parser; returns the result, or null when it threw {@link SdpParseException}; fails the
   * test on any other throwable.
   */
  static <T> T parseOrReject(Parser<T> parser, String text) {
    try {
      return parser.parse(text);
    } catch (SdpParseException e) {
      assertThat(e.reason()).isNotBlank();
      return null;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("parser threw " + e + " for input: " + escape(text), e);
    }
  }

  /** Fails unless the parser rejects {@code text} with {@link SdpParseException}. */
  static SdpParseException rejected(Parser<?> parser, String text) {
    try {
      Object result = parser.parse(text);
      return fail("expected SdpParseException for " + escape(text) + " but got " + result);
    } catch (SdpParseException e) {
      return e;
    }
  }

  /** Text with control characters made visible, for failure messages. */
  static String escape(String text) {
    String t = text.length() > 300 ? text.substring(0, 300) + "..." : text;
    return t.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
  }

  /**
   * Fuzzes a value parser: random strings, every truncation of each sample and random
   * single-character corruptions of them. Only {@link SdpParseException} may be thrown, and
   * whatever is accepted must be written by {@code writer} into text that parses back equal.
   *
   * @return how many inputs were rejected, so callers can assert the parser rejects something
   */
  static <T> int fuzz(
      Parser<T> parser, Function<T, String> writer, long seed, List<String> samples) {
    Random random = new Random(seed);
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      rejected += check(parser, writer, randomText(random, 40));
    }
    for (String sample : samples) {
      for (int length = 0; length <= sample.length(); length++) {
        rejected += check(parser, writer, sample.substring(0, length));
      }
      for (int i = 0; i < 2000; i++) {
        rejected += check(parser, writer, corrupt(random, sample));
      }
    }
    return rejected;
  }

  private static <T> int check(Parser<T> parser, Function<T, String> writer, String text) {
    T value = parseOrReject(parser, text);
    if (value == null) {
      return 1;
    }
    String written = writer.apply(value);
    try {
      assertThat(parser.parse(written)).as("re-parse of %s", escape(text)).isEqualTo(value);
    } catch (SdpParseException e) {
      throw new AssertionError(
          "accepted " + escape(text) + " but not its written form " + escape(written), e);
    }
    return 0;
  }
}
