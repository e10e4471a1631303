package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtpTimeTest {

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void javaEpochIsNtpSecond2208988800() {
    // RFC 868 / RFC 5905 §6: 1970-01-01 is 2 208 988 800 s after 1900-01-01.
    assertThat(NtpTime.fromEpochMillis(0)).isEqualTo(0x83AA7E80_00000000L);
    assertThat(NtpTime.fromEpochNanos(0)).isEqualTo(0x83AA7E80_00000000L);
    assertThat(NtpTime.toEpochMillis(0x83AA7E80_00000000L)).isZero();
  }

  @Test
  void fractionIsABinaryFractionOfASecond() {
    assertThat(NtpTime.fromEpochMillis(500)).isEqualTo(0x83AA7E80_80000000L);
    assertThat(NtpTime.fromEpochMillis(250)).isEqualTo(0x83AA7E80_40000000L);
    assertThat(NtpTime.fromEpochNanos(1)).isEqualTo(0x83AA7E80_00000004L);
    assertThat(NtpTime.toEpochNanos(0x83AA7E80_00000001L)).isZero();
    assertThat(NtpTime.toEpochNanos(0x83AA7E80_40000000L)).isEqualTo(250_000_000L);
  }

  @Test
  void readsTheTimestampOfARealSenderReport() {
    // NTP timestamp of a sender report captured from Firefox (pion/rtcp test data).
    long ntp = 0xDA8BD1FC_DDDDA05AL;
    assertThat(NtpTime.toEpochMillis(ntp)).isEqualTo(millis("2016-03-10T10:59:08.867Z"));
  }

  @Test
  void handlesInstantsBeforeTheJavaEpoch() {
    assertThat(NtpTime.fromEpochMillis(-1) >>> 32).isEqualTo(2_208_988_799L);
    assertThat(NtpTime.toEpochMillis(NtpTime.fromEpochMillis(-1))).isEqualTo(-1);
    assertThat(NtpTime.toEpochNanos(NtpTime.fromEpochNanos(-1))).isEqualTo(-1);
  }

  @Test
  void wrapsIntoEraOneIn2036() {
    long lastOfEra0 = millis("2036-02-07T06:28:15Z");
    long firstOfEra1 = millis("2036-02-07T06:28:16Z");
    assertThat(NtpTime.fromEpochMillis(lastOfEra0)).isEqualTo(0xFFFFFFFF_00000000L);
    assertThat(NtpTime.fromEpochMillis(firstOfEra1)).isZero();
    assertThat(NtpTime.toEpochMillis(0xFFFFFFFF_00000000L)).isEqualTo(lastOfEra0);
    assertThat(NtpTime.toEpochMillis(0)).isEqualTo(firstOfEra1);
  }

  @Test
  void pivotsBetweenErasIn1968And2104() {
    assertThat(NtpTime.toEpochMillis(0x80000000_00000000L))
        .isEqualTo(millis("1968-01-20T03:14:08Z"));
    assertThat(NtpTime.toEpochMillis(0x7FFFFFFF_00000000L))
        .isEqualTo(millis("2104-02-26T09:42:23Z"));
  }

  @Test
  void roundTripsEveryMillisecondAndNanosecondBetween1968And2104() {
    long from = millis("1968-01-21T00:00:00Z");
    long to = millis("2104-02-25T00:00:00Z");
    Random random = new Random(5905L);
    for (int i = 0; i < 20_000; i++) {
      long epochMillis = from + (long) (random.nextDouble() * (to - from));
      assertThat(NtpTime.toEpochMillis(NtpTime.fromEpochMillis(epochMillis)))
          .isEqualTo(epochMillis);
      long epochNanos = epochMillis * 1_000_000 + random.nextInt(1_000_000);
      assertThat(NtpTime.toEpochNanos(NtpTime.fromEpochNanos(epochNanos))).isEqualTo(epochNanos);
    }
  }

  @Test
  void middle32IsWhatLsrEchoes() {
    assertThat(NtpTime.middle32(0x01234567_89ABCDEFL)).isEqualTo(0x456789ABL);
    assertThat(NtpTime.middle32(0xFFFFFFFF_FFFFFFFFL)).isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void convertsDurationsToAndFromShortFormat() {
    assertThat(NtpTime.toShortFormat(1_500_000_000L)).isEqualTo(0x1_8000L);
    assertThat(NtpTime.toShortFormat(0)).isZero();
    assertThat(NtpTime.toShortFormat(15_258L)).as("just under 1/65536 s").isZero();
    assertThat(NtpTime.toShortFormat(15_259L)).isEqualTo(1);
    assertThat(NtpTime.fromShortFormat(0x1_8000L)).isEqualTo(1_500_000_000L);
    assertThat(NtpTime.fromShortFormat(1)).isEqualTo(15_259L);
    // DLSR 150137 from the Firefox receiver report above: about 2.29 s.
    assertThat(NtpTime.fromShortFormat(150_137L)).isEqualTo(2_290_908_813L);
  }

  @Test
  void computesARoundTripTimeFromLsrAndDlsr() {
    // RFC 3550 §6.4.1: RTT = A - LSR - DLSR, all in 1/65536 s. SR sent at t, its report
    // block sent 2 s later, received 2.05 s after t: RTT 50 ms.
    long sentAt = NtpTime.fromEpochMillis(millis("2025-11-21T12:00:00Z"));
    long lsr = NtpTime.middle32(sentAt);
    long dlsr = NtpTime.toShortFormat(2_000_000_000L);
    long arrival = NtpTime.middle32(NtpTime.fromEpochMillis(millis("2025-11-21T12:00:02.050Z")));
    long rtt = (arrival - lsr - dlsr) & 0xFFFFFFFFL;
    assertThat(NtpTime.fromShortFormat(rtt)).isBetween(49_900_000L, 50_100_000L);
  }
}
