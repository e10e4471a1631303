package io.kaihui.server.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingNumbersTest {

  @Test
  void numbersHaveNineDigitsAndAreNotSequential() {
    MeetingNumbers numbers = new MeetingNumbers(new SecureRandom());
    Set<String> seen = new HashSet<>();
    long previous = -1;
    int ascendingByOne = 0;
    for (int i = 0; i < 10_000; i++) {
      String n = numbers.next(seen::contains);
      assertThat(n).matches("[1-9][0-9]{8}");
      assertThat(MeetingNumbers.isWellFormed(n)).isTrue();
      assertThat(seen.add(n)).as("never reuses a live number").isTrue();
      long value = Long.parseLong(n);
      if (value == previous + 1) {
        ascendingByOne++;
      }
      previous = value;
    }
    assertThat(ascendingByOne).isLessThan(3);
  }

  @Test
  void skipsNumbersInUse() {
    // A generator whose randomness repeats: the first draw is in use, so it must draw again.
    SecureRandom fixed = new SecureRandom() {
      private int calls;

      @Override
      public int nextInt(int bound) {
        return calls++ == 0 ? 5 : 6;
      }
    };
    String n = new MeetingNumbers(fixed).next(x -> x.equals("100000005"));
    assertThat(n).isEqualTo("100000006");
  }

  @Test
  void wellFormedOnlyForNineDigitsNotStartingWithZero() {
    assertThat(MeetingNumbers.isWellFormed("123456789")).isTrue();
    assertThat(MeetingNumbers.isWellFormed("023456789")).isFalse();
    assertThat(MeetingNumbers.isWellFormed("12345678")).isFalse();
    assertThat(MeetingNumbers.isWellFormed("1234567890")).isFalse();
    assertThat(MeetingNumbers.isWellFormed("12345678a")).isFalse();
    assertThat(MeetingNumbers.isWellFormed("١٢٣٤٥٦٧٨٩")).isFalse();
    assertThat(MeetingNumbers.isWellFormed(null)).isFalse();
  }
}
