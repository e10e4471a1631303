package io.kaihui.media.dtls;

import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * Bouncy Castle's view of Kaihui's DTLS-SRTP server for one handshake: DTLS 1.2 only
 * (RFC 6347), ECDHE-ECDSA cipher suites with AES-128-GCM first, the extended master secret
 * required (RFC 7627), a CertificateRequest so the browser must show its certificate, whose
 * fingerprint must match the remote SDP (RFC 5763 §5, RFC 8122 §5), and the {@code use_srtp}
 * extension (RFC 5764 §4.1.1) selecting {@link SrtpProfile#AEAD_AES_128_GCM} when offered, else
 * {@link SrtpProfile#AES128_CM_HMAC_SHA1_80}.
 *
 * <p>BC calls it on the handshake thread. When it refuses the client it keeps a short English
 * reason for {@link DtlsServerTransport.Listener#onDtlsFailed}.
 */
final class DtlsSrtpServer extends DefaultTlsServer {

  /** Server preference order; BC drops what the crypto cannot do. */
  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  /** SRTP profiles in server preference order (RFC 5764 §4.1.1: the server chooses). */
  private static final SrtpProfile[] SRTP_PREFERENCE = {
    SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80,
  };

  private final DtlsCertificate certificate;
  private final RemoteFingerprint remoteFingerprint;
  private final long deadlineNanos;
  private final int handshakeTimeoutMillis;

  private SrtpProfile profile;
  private boolean clientCertificateVerified;
  private volatile SrtpKeys keys;
  private volatile String failureReason;
  private volatile boolean closeNotifyReceived;

  /**
   * Creates the server side of one handshake.
   *
   * @param certificate the server's certificate and key
   * @param remoteFingerprint the fingerprint the client's certificate must have
   * @param deadlineNanos when (by {@link System#nanoTime()}) the handshake must be done; the wait
   *     for a late remote fingerprint ends there
   * @param handshakeTimeoutMillis BC's own limit on the whole handshake, in ms
   */
  DtlsSrtpServer(DtlsCertificate certificate, RemoteFingerprint remoteFingerprint,
      long deadlineNanos, int handshakeTimeoutMillis) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.remoteFingerprint = remoteFingerprint;
    this.deadlineNanos = deadlineNanos;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  /** Why the handshake was refused, if this server refused it; else null. */
  String failureReason() {
    return failureReason;
  }

  /** Whether the client sent close_notify (RFC 5246 §7.2.1). */
  boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  /** The negotiated cipher suite's name, for the log line of a completed handshake. */
  String cipherSuiteName() {
    int suite = context.getSecurityParametersConnection().getCipherSuite();
    return switch (suite) {
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 -> "ECDHE-ECDSA-AES128-GCM-SHA256";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 -> "ECDHE-ECDSA-AES256-GCM-SHA384";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ->
          "ECDHE-ECDSA-CHACHA20-POLY1305";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA -> "ECDHE-ECDSA-AES128-SHA";
      default -> String.format("0x%04x", suite);
    };
  }

  /**
   * The SRTP keys exported when the handshake completed, seen from the server; null before.
   */
  SrtpKeys srtpKeys() {
    return keys;
  }

  /**
   * Exports the SRTP keys (RFC 5764 §4.2): keying material with the label
   * {@code EXTRACTOR-dtls_srtp} and no context, split into client and server write keys and
   * salts. BC allows the export only from here.
   */
  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    if (profile == null || !clientCertificateVerified) {
      throw refuse(AlertDescription.internal_error,
          "handshake completed without a verified client certificate");
    }
    if (!context.getSecurityParametersConnection().isExtendedMasterSecret()) {
      throw refuse(AlertDescription.handshake_failure, "extended master secret not negotiated");
    }
    byte[] material = context.exportKeyingMaterial(
        ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    try {
      keys = SrtpKeys.fromKeyingMaterial(profile, material, true);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
  }

  @Override
  protected boolean preferLocalCipherSuites() {
    return true;
  }

  /** RFC 7627 §5.2: abort if the client does not offer the extended master secret. */
  @Override
  public boolean requiresExtendedMasterSecret() {
    return true;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() {
    return certificate.signer(context);
  }

  /** RFC 5763 §5: the client must present its (self-signed) certificate. */
  @Override
  @SuppressWarnings("rawtypes")
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    Vector algorithms = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
    return new CertificateRequest(types, algorithms, null);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered == null) {
      throw refuse(AlertDescription.handshake_failure,
          "client did not offer the use_srtp extension (RFC 5764)");
    }
    int[] ids = offered.getProtectionProfiles();
    for (SrtpProfile candidate : SRTP_PREFERENCE) {
      for (int id : ids) {
        if (id == candidate.id()) {
          profile = candidate;
          return;
        }
      }
    }
    StringBuilder list = new StringBuilder();
    for (int id : ids) {
      list.append(list.isEmpty() ? "" : ", ").append(String.format("0x%04x", id));
    }
    throw refuse(AlertDescription.handshake_failure,
        "client offered no supported SRTP protection profile (offered: " + list
            + "; supported: 0x0007, 0x0001)");
  }

  /** Adds use_srtp with the chosen profile and an empty MKI (RFC 5764 §4.1.1). */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    if (extensions == null) {
      extensions = new Hashtable();
    }
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {profile.id()}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  /** RFC 5763 §5, RFC 8122 §5: the certificate must hash to the fingerprint from SDP. */
  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    if (clientCertificate == null || clientCertificate.isEmpty()) {
      throw refuse(AlertDescription.handshake_failure, "client presented no certificate");
    }
    CertificateFingerprint expected = remoteFingerprint.await(deadlineNanos);
    if (expected == null) {
      throw refuse(AlertDescription.handshake_failure,
          "no remote fingerprint was set before the client certificate arrived");
    }
    byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
    if (!expected.matches(der)) {
      throw refuse(AlertDescription.bad_certificate,
          "client certificate does not match the " + expected.algorithm()
              + " fingerprint from SDP");
    }
    clientCertificateVerified = true;
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    } else if (alertLevel == AlertLevel.fatal && failureReason == null) {
      failureReason = "client sent fatal alert " + AlertDescription.getText(alertDescription);
    }
  }

  @Override
  public void notifyAlertRaised(
      short alertLevel, short alertDescription, String message, Throwable cause) {
    if (alertLevel == AlertLevel.fatal && failureReason == null) {
      failureReason = "sent fatal alert " + AlertDescription.getText(alertDescription)
          + (message != null ? ": " + message : "");
    }
  }

  private TlsFatalAlert refuse(short alertDescription, String reason) {
    failureReason = reason;
    return new TlsFatalAlert(alertDescription, reason);
  }
}
