package io.kaihui.media.rtcp;

/**
 * Conversions between Java time (milliseconds or nanoseconds since 1970-01-01T00:00:00Z) and the
 * 64-bit NTP timestamps of RTCP sender reports (RFC 3550 §4, RFC 5905 §6): the high 32 bits count
 * seconds since 1900-01-01T00:00:00Z, the low 32 bits are a binary fraction of a second.
 *
 * <p>Eras (RFC 5905 §6): the 32-bit seconds field wraps on 2036-02-07T06:28:16Z, when era 1 begins.
 * Conversions to NTP keep the low 32 bits of the seconds, as the wire does. Conversions from NTP
 * read a timestamp whose most significant bit is set as era 0 (1968-01-20 to 2036-02-07) and one
 * whose most significant bit is clear as era 1 (2036-02-07 to 2104-02-26), as RFC 4330 §3
 * recommends, so every instant in 1968..2104 survives a round trip. Within that window the round
 * trip is exact to the millisecond or nanosecond.
 *
 * <p>Also converts durations to and from the 32-bit "short format" of RFC 5905 §6 (16 bits of
 * seconds, 16 bits of fraction; units of 1/65536 s) that the DLSR field of a report block uses.
 */
public final class NtpTime {

  /** Seconds from 1900-01-01T00:00:00Z (NTP era 0) to 1970-01-01T00:00:00Z (Java epoch). */
  public static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private static final long MILLIS_PER_SECOND = 1_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long ERA_SECONDS = 1L << 32;
  private static final long ROUND_HALF = 1L << 31;

  /** Seconds fields below this (most significant bit clear) belong to era 1. */
  private static final long ERA_PIVOT_SECONDS = 1L << 31;

  private NtpTime() {}

  /**
   * Converts a Java time to an NTP timestamp (RFC 5905 §6), rounding the fraction down.
   *
   * @param epochMillis milliseconds since 1970-01-01T00:00:00Z, as from {@link
   *     System#currentTimeMillis()}
   * @return the 64-bit NTP timestamp
   */
  public static long fromEpochMillis(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, MILLIS_PER_SECOND) + EPOCH_OFFSET_SECONDS;
    long fraction = (Math.floorMod(epochMillis, MILLIS_PER_SECOND) << 32) / MILLIS_PER_SECOND;
    return seconds << 32 | fraction;
  }

  /**
   * Converts a Java time to an NTP timestamp (RFC 5905 §6), rounding the fraction down (its
   * resolution is about 0.23 ns).
   *
   * @param epochNanos nanoseconds since 1970-01-01T00:00:00Z
   * @return the 64-bit NTP timestamp
   */
  public static long fromEpochNanos(long epochNanos) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND) + EPOCH_OFFSET_SECONDS;
    long fraction = (Math.floorMod(epochNanos, NANOS_PER_SECOND) << 32) / NANOS_PER_SECOND;
    return seconds << 32 | fraction;
  }

  /**
   * Converts an NTP timestamp to a Java time, rounding to the nearest millisecond; era as described
   * on the class.
   *
   * @param ntpTimestamp the 64-bit NTP timestamp
   * @return milliseconds since 1970-01-01T00:00:00Z
   */
  public static long toEpochMillis(long ntpTimestamp) {
    long fraction = ntpTimestamp & 0xFFFF_FFFFL;
    return epochSeconds(ntpTimestamp) * MILLIS_PER_SECOND
        + ((fraction * MILLIS_PER_SECOND + ROUND_HALF) >>> 32);
  }

  /**
   * Converts an NTP timestamp to a Java time, rounding to the nearest nanosecond; era as described
   * on the class.
   *
   * @param ntpTimestamp the 64-bit NTP timestamp
   * @return nanoseconds since 1970-01-01T00:00:00Z
   */
  public static long toEpochNanos(long ntpTimestamp) {
    long fraction = ntpTimestamp & 0xFFFF_FFFFL;
    return epochSeconds(ntpTimestamp) * NANOS_PER_SECOND
        + ((fraction * NANOS_PER_SECOND + ROUND_HALF) >>> 32);
  }

  /**
   * Returns the middle 32 bits of an NTP timestamp: the low 16 bits of the seconds and the high 16
   * bits of the fraction. A receiver echoes them as LSR in its report blocks (RFC 3550 §6.4.1).
   *
   * @param ntpTimestamp the 64-bit NTP timestamp
   * @return the middle 32 bits in units of 1/65536 s, 0..2^32-1
   */
  public static long middle32(long ntpTimestamp) {
    return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
  }

  /**
   * Converts a duration to NTP short format units of 1/65536 s (RFC 5905 §6), rounding down; the
   * DLSR field of a report block carries its low 32 bits (RFC 3550 §6.4.1).
   *
   * @param durationNanos the duration in nanoseconds
   * @return the duration in units of 1/65536 s; not truncated to 32 bits
   */
  public static long toShortFormat(long durationNanos) {
    return (Math.floorDiv(durationNanos, NANOS_PER_SECOND) << 16)
        + (Math.floorMod(durationNanos, NANOS_PER_SECOND) << 16) / NANOS_PER_SECOND;
  }

  /**
   * Converts a duration in NTP short format units of 1/65536 s (RFC 5905 §6), such as DLSR or a
   * round-trip time computed from LSR and DLSR (RFC 3550 §6.4.1), to nanoseconds, rounding to the
   * nearest nanosecond.
   *
   * @param units the duration in units of 1/65536 s
   * @return the duration in nanoseconds
   */
  public static long fromShortFormat(long units) {
    return (units >> 16) * NANOS_PER_SECOND
        + (((units & 0xFFFF) * NANOS_PER_SECOND + (1L << 15)) >>> 16);
  }

  private static long epochSeconds(long ntpTimestamp) {
    long seconds = ntpTimestamp >>> 32;
    if (seconds < ERA_PIVOT_SECONDS) {
      seconds += ERA_SECONDS;
    }
    return seconds - EPOCH_OFFSET_SECONDS;
  }
}
