package io.kaihui.media.sdp;

/**
 * The {@code a=setup} attribute (RFC 4145 §4, as used for DTLS by RFC 8842 §5): which side opens
 * the DTLS association. An offer says {@code actpass}; the answer picks {@code active} (DTLS
 * client) or {@code passive} (DTLS server).
 */
public enum Setup {
  /** {@code active}: this side starts the DTLS handshake (DTLS client). */
  ACTIVE("active"),
  /** {@code passive}: this side waits for the handshake (DTLS server). */
  PASSIVE("passive"),
  /** {@code actpass}: this side can do either; offers use it (RFC 8842 §5.2). */
  ACTPASS("actpass"),
  /** {@code holdconn}: no connection for now. */
  HOLDCONN("holdconn");

  private final String value;

  Setup(String value) {
    this.value = value;
  }

  /**
   * The attribute value as written in SDP.
   *
   * @return for example {@code actpass}
   */
  public String value() {
    return value;
  }

  /**
   * Parses an {@code a=setup} value.
   *
   * @param text for example {@code actpass} (case-sensitive, as RFC 4145 writes it)
   * @return the role
   * @throws SdpParseException if the value is none of the four roles
   */
  public static Setup parse(String text) throws SdpParseException {
    for (Setup s : values()) {
      if (s.value.equals(text)) {
        return s;
      }
    }
    throw new SdpParseException(
        0, "bad a=setup value: " + (text == null ? "(none)" : SdpGrammar.shorten(text)));
  }
}
