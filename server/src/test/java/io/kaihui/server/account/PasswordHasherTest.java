package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final Argon2Settings TINY = new Argon2Settings(64, 1, 1);

  /**
   * Hashes made by the reference implementation (Debian's argon2 20190702 command:
   * {@code echo -n PASSWORD | argon2 SALT -id -t T -k M -p P -l 32 -e}).
   */
  private static final String[][] REFERENCE = {
      {"password",
          "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA"
              + "$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE"},
      {"correct horse battery staple",
          "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg"
              + "$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0"},
      {"密码Pässwörd",
          "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA"
              + "$n7Fut/Ani2xdF7ptPw1a5ej5/SXtFw2aop4G/Y7mjyU"},
      // the example in the reference implementation's README (8-byte salt, 64 MiB)
      {"password",
          "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
              + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"},
  };

  @Test
  void verifiesHashesOfTheReferenceImplementation() {
    PasswordHasher hasher = new PasswordHasher();
    for (String[] v : REFERENCE) {
      assertThat(hasher.verify(v[0], v[1])).as(v[1]).isTrue();
      assertThat(hasher.verify(v[0] + "!", v[1])).isFalse();
    }
  }

  @Test
  void hashesInPhcFormatAtOwaspSettings() {
    PasswordHasher hasher = new PasswordHasher();
    assertThat(hasher.settings()).isEqualTo(new Argon2Settings(19456, 2, 1));
    String encoded = hasher.hash("correct horse battery staple");
    assertThat(encoded).matches(
        "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    String[] parts = encoded.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(encoded).doesNotContain("correct");
    assertThat(hasher.verify("correct horse battery staple", encoded)).isTrue();
    assertThat(hasher.verify("Correct horse battery staple", encoded)).isFalse();
    assertThat(hasher.verify("", encoded)).isFalse();
    assertThat(hasher.verify(null, encoded)).isFalse();
    assertThat(hasher.needsRehash(encoded)).isFalse();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    PasswordHasher hasher = new PasswordHasher(TINY, 1);
    String a = hasher.hash("same password");
    String b = hasher.hash("same password");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]);
    assertThat(hasher.verify("same password", a)).isTrue();
    assertThat(hasher.verify("same password", b)).isTrue();
  }

  @Test
  void normalizesUnicodeBeforeHashing() {
    PasswordHasher hasher = new PasswordHasher(TINY, 1);
    String composed = hasher.hash("P\u00e4ssw\u00f6rd");
    assertThat(hasher.verify("Pa\u0308sswo\u0308rd", composed)).as("decomposed umlauts").isTrue();
    String plain = hasher.hash("password");
    assertThat(hasher.verify("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44", plain))
        .as("full-width letters").isTrue();
  }

  @Test
  void needsRehashWhenSettingsChange() {
    PasswordHasher old = new PasswordHasher(TINY, 1);
    PasswordHasher current = new PasswordHasher(new Argon2Settings(128, 2, 1), 1);
    String encoded = old.hash("password one");
    assertThat(old.needsRehash(encoded)).isFalse();
    assertThat(current.needsRehash(encoded)).isTrue();
    assertThat(current.verify("password one", encoded)).as("old hashes still verify").isTrue();
    assertThat(current.needsRehash(REFERENCE[3][1])).as("8-byte salt").isTrue();
    assertThat(current.needsRehash("garbage")).isTrue();
    assertThat(current.needsRehash(null)).isTrue();
  }

  @Test
  void countsVerifications() {
    PasswordHasher hasher = new PasswordHasher(TINY, 1);
    String encoded = hasher.hash("x");
    long before = hasher.verifications();
    hasher.verify("x", encoded);
    hasher.verify(null, encoded);
    assertThat(hasher.verifications() - before).isEqualTo(2);
  }

  @Test
  void malformedHashesAreRefused() {
    PasswordHasher hasher = new PasswordHasher(TINY, 1);
    String good = hasher.hash("pw");
    String[] bad = {null, "", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJ",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$t=1,m=64,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=64,t=1,p=1$!!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$",
        good + "$extra", "$" + "a".repeat(10_000)};
    for (String b : bad) {
      assertThatThrownBy(() -> hasher.verify("pw", b)).as(String.valueOf(b))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void randomAndTruncatedHashesOnlyEverThrowIllegalArgument() {
    PasswordHasher hasher = new PasswordHasher(TINY, 1);
    String good = hasher.hash("pw");
    Random random = new Random(1234);
    for (int i = 0; i < 5_000; i++) {
      String candidate;
      if (i % 2 == 0) {
        candidate = good.substring(0, random.nextInt(good.length() + 1));
      } else {
        char[] c = good.toCharArray();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          // printable ASCII except digits, so that the cost settings cannot grow
          char r;
          do {
            r = (char) (33 + random.nextInt(94));
          } while (r >= '0' && r <= '9');
          c[random.nextInt(c.length)] = r;
        }
        candidate = new String(c);
      }
      try {
        boolean ok = hasher.verify("pw", candidate);
        if (ok) {
          assertThat(candidate.split("\\$", -1)[5]).isNotEmpty();
        }
      } catch (IllegalArgumentException expected) {
        // the only documented failure
      }
    }
  }
}
