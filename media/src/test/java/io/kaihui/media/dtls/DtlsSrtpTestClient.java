package io.kaihui.media.dtls;

import io.kaihui.media.srtp.SrtpKeys;
import io.kaihui.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * A browser stand-in for tests: a Bouncy Castle DTLS 1.2 client ({@code a=setup:active}, RFC 5763
 * §5) offering {@code use_srtp} with the given profiles (RFC 5764 §4.1.1), presenting its own
 * {@link DtlsCertificate}, and accepting the server only if its certificate hashes to the SHA-256
 * fingerprint of the server's SDP. It derives its own SRTP keys from its own exported keying
 * material (RFC 5764 §4.2). The DTLS tests run it over in-memory queues, the synthetic
 * participants over UDP, both through a {@link ClientDatagramTransport}.
 */
public final class DtlsSrtpTestClient extends DefaultTlsClient {

  private static final int[] CHROMIUM_PROFILES = {
    SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM,
    SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
    SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
    SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32,
  };

  private final DtlsCertificate certificate;
  private final String serverFingerprint;
  private final int[] offeredProfiles;
  private volatile SrtpProfile selected;
  private volatile SrtpKeys keys;
  private volatile boolean closeNotifyReceived;

  /**
   * @param certificate the client's certificate
   * @param serverFingerprint the server's SHA-256 fingerprint, as in its SDP (hex pairs joined by
   *     colons, any case)
   * @param offeredProfiles SRTPProtectionProfile ids to offer, in order of preference, or null to
   *     leave out use_srtp
   */
  public DtlsSrtpTestClient(DtlsCertificate certificate, String serverFingerprint,
      int... offeredProfiles) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.serverFingerprint = serverFingerprint;
    this.offeredProfiles = offeredProfiles;
  }

  /**
   * The profiles Chromium offers, in Chromium's order: AEAD_AES_256_GCM, AEAD_AES_128_GCM,
   * AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32.
   *
   * @return a fresh array of SRTPProtectionProfile ids
   */
  public static int[] chromiumProfiles() {
    return CHROMIUM_PROFILES.clone();
  }

  /**
   * Runs the blocking handshake over {@code transport}.
   *
   * @param transport the client's datagrams
   * @return the established DTLS connection
   * @throws IOException if the handshake fails or the transport closes
   */
  public DTLSTransport connect(DatagramTransport transport) throws IOException {
    return new DTLSClientProtocol().connect(this, transport);
  }

  /** The client's SRTP keys (local = client write), after the handshake; null before. */
  public SrtpKeys keys() {
    return keys;
  }

  /** Whether the server's close_notify arrived. */
  public boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(getCrypto(), new int[] {
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    });
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    if (extensions == null) {
      extensions = new Hashtable();
    }
    if (offeredProfiles != null) {
      TlsSRTPUtils.addUseSRTPExtension(
          extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
    }
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (chosen == null || chosen.getProtectionProfiles().length != 1) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose no SRTP profile");
    }
    try {
      selected = SrtpProfile.fromId(chosen.getProtectionProfiles()[0]);
    } catch (IllegalArgumentException e) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, e.getMessage());
    }
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
        boolean matches;
        try {
          matches = CertificateFingerprint.parse("sha-256", serverFingerprint).matches(der);
        } catch (IllegalArgumentException e) {
          matches = false;
        }
        if (!matches) {
          throw new TlsFatalAlert(AlertDescription.bad_certificate,
              "server certificate does not match the fingerprint of its SDP");
        }
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) {
        return certificate.signer(context);
      }
    };
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    byte[] material = context.exportKeyingMaterial(
        ExporterLabel.dtls_srtp, null, selected.keyingMaterialLength());
    keys = SrtpKeys.fromKeyingMaterial(selected, material, false);
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    }
  }
}
