package io.kaihui.media.srtp;

/**
 * The SRTP protection profiles Kaihui negotiates in the DTLS {@code use_srtp} extension
 * (RFC 5764 §4.1.2, IANA "DTLS-SRTP Protection Profiles"), with the lengths each one fixes.
 */
public enum SrtpProfile {

  /**
   * {@code SRTP_AEAD_AES_128_GCM} (0x0007, RFC 7714 §14.2): AES-128 in Galois/Counter Mode, a
   * 16-byte key, a 12-byte salt and a 16-byte authentication tag on SRTP and SRTCP.
   */
  AEAD_AES_128_GCM(0x0007, 16, 12, 16),

  /**
   * {@code SRTP_AES128_CM_HMAC_SHA1_80} (0x0001, RFC 5764 §4.1.2, RFC 3711): AES-128 in
   * Counter Mode with an 80-bit HMAC-SHA1 tag, a 16-byte key and a 14-byte salt.
   */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10);

  /** Length in bytes of the SRTCP E flag and index that follow every SRTCP packet (RFC 3711 §3.4). */
  static final int SRTCP_INDEX_LENGTH = 4;

  private final int id;
  private final int keyLength;
  private final int saltLength;
  private final int authTagLength;

  SrtpProfile(int id, int keyLength, int saltLength, int authTagLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.authTagLength = authTagLength;
  }

  /**
   * The profile with the given two-byte identifier of the {@code use_srtp} extension.
   *
   * @param id the SRTPProtectionProfile value, such as {@code 0x0007}
   * @return the profile
   * @throws IllegalArgumentException if Kaihui does not support that profile
   */
  public static SrtpProfile fromId(int id) {
    for (SrtpProfile p : values()) {
      if (p.id == id) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unsupported SRTP protection profile 0x" + String.format("%04x", id));
  }

  /** The two-byte SRTPProtectionProfile identifier (RFC 5764 §4.1.2). */
  public int id() {
    return id;
  }

  /** Length of the SRTP master key, in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Length of the SRTP master salt, in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Length of the authentication tag appended to each SRTP and SRTCP packet, in bytes. */
  public int authTagLength() {
    return authTagLength;
  }

  /**
   * Bytes that protecting an RTP packet appends: the authentication tag (16 for GCM, 10 for
   * HMAC-SHA1-80). No MKI is used.
   */
  public int rtpOverhead() {
    return authTagLength;
  }

  /**
   * Bytes that protecting an RTCP packet appends: the authentication tag plus the 4-byte E flag
   * and SRTCP index (RFC 3711 §3.4): 20 for GCM, 14 for HMAC-SHA1-80.
   */
  public int rtcpOverhead() {
    return authTagLength + SRTCP_INDEX_LENGTH;
  }

  /** Length in bytes of the keying material to export from DTLS: 2 × (key + salt) (RFC 5764 §4.2). */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }
}
