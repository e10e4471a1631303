package io.kaihui.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS certificate Kaihui makes for itself on first start, so that browsers on other
 * machines get the secure context they need for camera and microphone. It is an ECDSA P-256
 * self-signed certificate, valid for 825 days, naming {@code localhost} and every address the
 * server announces; it lives in {@code <data dir>/tls/kaihui.p12} with a random password in
 * {@code kaihui.p12.password} beside it (both readable by the owner only). It is made again when
 * it expires within 30 days or lacks an address the server now has.
 */
public final class SelfSignedCertificate {

  /** Alias of the key entry in the keystore. */
  public static final String ALIAS = "kaihui";

  private static final Duration VALIDITY = Duration.ofDays(825);

  private final Path keystore;
  private final String password;

  private SelfSignedCertificate(Path keystore, String password) {
    this.keystore = keystore;
    this.password = password;
  }

  /** The PKCS#12 keystore file. */
  public Path keystore() {
    return keystore;
  }

  /** The keystore's password. */
  public String password() {
    return password;
  }

  /**
   * Loads the certificate from the data directory, or makes a new one.
   *
   * @param dataDir the data directory
   * @param addresses addresses the certificate must name (besides localhost and loopback)
   * @return the keystore and its password
   * @throws IOException if the data directory cannot be written or the keystore is unreadable
   */
  public static SelfSignedCertificate loadOrCreate(Path dataDir, List<InetAddress> addresses)
      throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("tls"));
    Path keystore = dir.resolve("kaihui.p12");
    Path passwordFile = dir.resolve("kaihui.p12.password");
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    for (InetAddress a : addresses) {
      names.add(a.getHostAddress().replaceAll("%.*$", ""));
    }
    if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      if (stillGood(keystore, password, names)) {
        return new SelfSignedCertificate(keystore, password);
      }
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try {
      KeyStore ks = create(names, password);
      writeOwnerOnly(passwordFile, password.getBytes(StandardCharsets.UTF_8));
      Path tmp = dir.resolve("kaihui.p12.tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, password.toCharArray());
      }
      restrict(tmp);
      Files.move(tmp, keystore, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
    }
    return new SelfSignedCertificate(keystore, password);
  }

  private static boolean stillGood(Path keystore, String password, Set<String> names) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password.toCharArray());
      X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
      if (cert == null
          || cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)))) {
        return false;
      }
      Set<String> has = new LinkedHashSet<>();
      if (cert.getSubjectAlternativeNames() != null) {
        for (List<?> san : cert.getSubjectAlternativeNames()) {
          has.add(normalize(String.valueOf(san.get(1))));
        }
      }
      for (String n : names) {
        if (!has.contains(normalize(n))) {
          return false;
        }
      }
      return true;
    } catch (IOException | GeneralSecurityException e) {
      return false;
    }
  }

  private static String normalize(String name) {
    try {
      return name.matches("[0-9a-fA-F:.]+") && name.contains(":") || name.matches("[0-9.]+")
          ? InetAddress.getByName(name).getHostAddress() : name.toLowerCase();
    } catch (IOException e) {
      return name;
    }
  }

  private static KeyStore create(Set<String> names, String password)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = gen.generateKeyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=Kaihui self-signed");
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject,
        pair.getPublic());
    List<GeneralName> sans = new ArrayList<>();
    for (String n : names) {
      boolean ip = n.matches("[0-9.]+") || n.contains(":");
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
    }
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(sans.toArray(GeneralName[]::new)));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(),
        new X509Certificate[] {cert});
    return ks;
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection applies.
    }
  }
}
