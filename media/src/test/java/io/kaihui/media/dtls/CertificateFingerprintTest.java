package io.kaihui.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

  private static final byte[] DER = DtlsCertificate.generate().encoded();

  @Test
  void parseNormalisesCaseAndWhitespace() {
    CertificateFingerprint of = CertificateFingerprint.of("sha-256", DER);

    CertificateFingerprint parsed =
        CertificateFingerprint.parse(" SHA-256 ", " " + of.value().toLowerCase() + " ");

    assertThat(parsed).isEqualTo(of);
    assertThat(parsed.algorithm()).isEqualTo("sha-256");
    assertThat(parsed.matches(DER)).isTrue();
  }

  @Test
  void everyShaOfRfc8122IsSupported() {
    int[] lengths = {20, 28, 32, 48, 64};
    String[] names = {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"};
    for (int i = 0; i < names.length; i++) {
      CertificateFingerprint f = CertificateFingerprint.of(names[i], DER);
      assertThat(f.value().split(":")).hasSize(lengths[i]);
      assertThat(CertificateFingerprint.parse(names[i], f.value()).matches(DER)).isTrue();
    }
  }

  @Test
  void anotherCertificateDoesNotMatch() {
    CertificateFingerprint f = CertificateFingerprint.of("sha-256", DER);

    assertThat(f.matches(DtlsCertificate.generate().encoded())).isFalse();
  }

  @Test
  void refusesWeakOrUnknownHashesAndMalformedValues() {
    String good = CertificateFingerprint.of("sha-256", DER).value();

    assertThatThrownBy(() -> CertificateFingerprint.parse("md5", good))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-3", good))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-1", good))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256", good.substring(3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256", good.replace(':', '-')))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256", good + ":"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void randomAndTruncatedValuesOnlyEverThrowIllegalArgument() {
    Random random = new Random(8122);
    String good = CertificateFingerprint.of("sha-256", DER).value();
    String alphabet = "0123456789abcdefABCDEFxyz:- ";
    int accepted = 0;

    for (int i = 0; i < 5000; i++) {
      String value;
      if (i % 2 == 0) {
        value = good.substring(0, random.nextInt(good.length() + 1));
      } else {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(120); k > 0; k--) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        value = sb.toString();
      }
      try {
        CertificateFingerprint.parse("sha-256", value);
        accepted++;
      } catch (IllegalArgumentException expected) {
        // The only exception a malformed fingerprint may cause.
      }
    }
    // Only the untruncated value is well-formed.
    assertThat(accepted).isBetween(1, 100);
  }
}
