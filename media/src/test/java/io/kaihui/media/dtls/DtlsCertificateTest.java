package io.kaihui.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

  private static final DtlsCertificate CERT = DtlsCertificate.generate();

  @Test
  void isASelfSignedEcdsaP256CertificateNamedKaihui() throws Exception {
    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(CERT.encoded()));

    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=kaihui");
    assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
    assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(x509.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(x509.getSerialNumber().signum()).isPositive();
    x509.verify(x509.getPublicKey());

    X509CertificateHolder holder = new X509CertificateHolder(CERT.encoded());
    assertThat(holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())
        .isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
    // A named curve, not explicit parameters: browsers accept only named curves.
    assertThat(holder.getSubjectPublicKeyInfo().getAlgorithm().getParameters())
        .isEqualTo(SECObjectIdentifiers.secp256r1);
  }

  @Test
  void isValidFromYesterdayForThirtyDays() {
    Instant yesterday = Instant.now().minus(Duration.ofDays(1));

    assertThat(CERT.notBefore()).isBetween(
        yesterday.minus(Duration.ofMinutes(5)), yesterday.plus(Duration.ofMinutes(5)));
    assertThat(Duration.between(CERT.notBefore(), CERT.notAfter()))
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void fingerprintIsTheSdpFormOfTheSha256OfTheDer() throws Exception {
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(CERT.encoded());

    assertThat(CERT.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(CERT.sha256Fingerprint().replace(":", ""))
        .isEqualTo(HexFormat.of().withUpperCase().formatHex(sha256));
  }

  @Test
  void everyCertificateIsNew() throws Exception {
    DtlsCertificate other = DtlsCertificate.generate();

    assertThat(other.sha256Fingerprint()).isNotEqualTo(CERT.sha256Fingerprint());
    assertThat(new X509CertificateHolder(other.encoded()).getSerialNumber())
        .isNotEqualTo(new X509CertificateHolder(CERT.encoded()).getSerialNumber());
    assertThat(new X509CertificateHolder(other.encoded()).getSubjectPublicKeyInfo())
        .isNotEqualTo(new X509CertificateHolder(CERT.encoded()).getSubjectPublicKeyInfo());
  }

  @Test
  void encodedIsACopy() {
    byte[] der = CERT.encoded();
    der[0] ^= 1;

    assertThat(CERT.encoded()).isNotEqualTo(der);
    assertThat(CERT.chain().getCertificateAt(0)).isNotNull();
  }
}
