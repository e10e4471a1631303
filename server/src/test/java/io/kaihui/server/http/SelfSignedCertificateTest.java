package io.kaihui.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

  private static X509Certificate load(SelfSignedCertificate c) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(c.keystore())) {
      ks.load(in, c.password().toCharArray());
    }
    return (X509Certificate) ks.getCertificate(SelfSignedCertificate.ALIAS);
  }

  private static List<String> names(X509Certificate cert) throws Exception {
    return cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
  }

  @Test
  void namesEveryAddressAndIsKeptAcrossStarts(@TempDir Path dir) throws Exception {
    List<InetAddress> addresses = List.of(InetAddress.getByName("192.0.2.10"));
    SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, addresses);
    X509Certificate cert = load(first);
    assertThat(names(cert)).contains("localhost", "127.0.0.1", "192.0.2.10");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");

    SelfSignedCertificate again = SelfSignedCertificate.loadOrCreate(dir, addresses);
    assertThat(load(again)).isEqualTo(cert);

    SelfSignedCertificate moved = SelfSignedCertificate.loadOrCreate(dir,
        List.of(InetAddress.getByName("198.51.100.20")));
    assertThat(load(moved)).isNotEqualTo(cert);
    assertThat(names(load(moved))).contains("198.51.100.20");
  }

  @Test
  void aDamagedKeystoreIsReplaced(@TempDir Path dir) throws Exception {
    SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, List.of());
    Files.write(first.keystore(), new byte[] {1, 2, 3});
    SelfSignedCertificate second = SelfSignedCertificate.loadOrCreate(dir, List.of());
    assertThat(load(second).getSubjectAlternativeNames()).isNotEmpty();
  }
}
