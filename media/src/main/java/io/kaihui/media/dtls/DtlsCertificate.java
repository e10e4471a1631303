package io.kaihui.media.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The self-signed certificate a DTLS endpoint presents (RFC 8827 §6.5: WebRTC authenticates it
 * by the fingerprint in SDP, not by a CA): an ECDSA key on P-256 (secp256r1), SHA-256 with ECDSA,
 * subject and issuer {@code CN=kaihui}, a random 63-bit serial, valid from a day before creation
 * for 30 days. One per server start, shared by all transports.
 *
 * <p>Crypto choice: Bouncy Castle's lightweight {@link BcTlsCrypto}, not {@code JcaTlsCrypto}.
 * It needs no JCA provider registered (no global {@code Security.addProvider}), keeps key, signer
 * and TLS crypto in one API, and its speed does not matter here: DTLS only carries the
 * handshake, SRTP is done by jitsi-srtp. It holds only a thread-safe {@link SecureRandom}, so
 * concurrent handshakes share it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DtlsCertificate {

  /** Common name of subject and issuer. */
  static final String COMMON_NAME = "kaihui";
  /** How long the certificate is valid, from {@link #NOT_BEFORE_SKEW} before its creation. */
  static final Duration VALIDITY = Duration.ofDays(30);
  /** How far before its creation a certificate is valid: covers peers whose clocks lag. */
  static final Duration NOT_BEFORE_SKEW = Duration.ofDays(1);

  private final BcTlsCrypto crypto;
  private final AsymmetricKeyParameter privateKey;
  private final Certificate chain;
  private final byte[] encoded;
  private final Instant notBefore;
  private final Instant notAfter;
  private final String sha256Fingerprint;

  private DtlsCertificate(BcTlsCrypto crypto, AsymmetricKeyParameter privateKey,
      X509CertificateHolder holder) throws IOException {
    this.crypto = crypto;
    this.privateKey = privateKey;
    this.encoded = holder.getEncoded();
    TlsCertificate tlsCertificate = crypto.createCertificate(encoded);
    this.chain = new Certificate(new TlsCertificate[] {tlsCertificate});
    this.notBefore = holder.getNotBefore().toInstant();
    this.notAfter = holder.getNotAfter().toInstant();
    this.sha256Fingerprint = CertificateFingerprint.of("sha-256", encoded).value();
  }

  /**
   * Generates a fresh key pair and self-signed certificate. Takes a few milliseconds.
   *
   * @return the new certificate
   * @throws IllegalStateException if Bouncy Castle cannot sign (a broken installation)
   */
  public static DtlsCertificate generate() {
    SecureRandom random = new SecureRandom();
    X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(
        new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve), random));
    AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();

    Instant notBefore = Instant.now().minus(NOT_BEFORE_SKEW);
    Instant notAfter = notBefore.plus(VALIDITY);
    X500Name name = new X500Name("CN=" + COMMON_NAME);
    BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
    try {
      X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial,
          Date.from(notBefore), Date.from(notAfter), name,
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
      AlgorithmIdentifier signature =
          new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
      AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
      X509CertificateHolder holder =
          builder.build(new BcECContentSignerBuilder(signature, digest).build(keyPair.getPrivate()));
      return new DtlsCertificate(new BcTlsCrypto(random), keyPair.getPrivate(), holder);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign a certificate with ECDSA", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a certificate", e);
    }
  }

  /**
   * The SHA-256 fingerprint of the DER certificate in SDP form (RFC 8122 §5): 32 uppercase hex
   * pairs joined by colons, such as {@code AB:CD:...}. The SDP line is
   * {@code a=fingerprint:sha-256 } followed by this value.
   */
  public String sha256Fingerprint() {
    return sha256Fingerprint;
  }

  /** The start of the validity period (one day before generation). */
  public Instant notBefore() {
    return notBefore;
  }

  /** The end of the validity period (30 days after {@link #notBefore()}). */
  public Instant notAfter() {
    return notAfter;
  }

  /** A copy of the DER-encoded X.509 certificate. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The TLS crypto that handshakes with this certificate use. */
  BcTlsCrypto crypto() {
    return crypto;
  }

  /** The certificate chain sent in the Certificate message: this one certificate. */
  Certificate chain() {
    return chain;
  }

  /**
   * The signing credentials for one handshake: this certificate and its key, signing with
   * ecdsa_secp256r1_sha256 (RFC 5246 §7.4.1.4.1, RFC 8422 §5.4).
   *
   * @param context the handshake's context
   */
  TlsCredentialedSigner signer(TlsContext context) {
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
        chain, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }
}
