package io.kaihui.media.sdp;

/**
 * The {@code o=} line (RFC 8866 §5.2): {@code o=<username> <sess-id> <sess-version> <nettype>
 * <addrtype> <unicast-address>}.
 *
 * <p>JSEP (RFC 8829 §5.2.1) limits the session id to a 63-bit value and increments the version each
 * time a new description is generated in the same session.
 *
 * @param username the user name, {@code -} when there is none
 * @param sessionId the session id, 0 to 2<sup>63</sup>-1
 * @param sessionVersion the version, 0 to 2<sup>63</sup>-1
 * @param netType the network type, {@code IN}
 * @param addrType the address type, {@code IP4} or {@code IP6}
 * @param address the unicast address of the originator (JSEP uses a placeholder)
 */
public record Origin(
    String username,
    long sessionId,
    long sessionVersion,
    String netType,
    String addrType,
    String address) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part holds whitespace or a number is negative
   */
  public Origin {
    if (!SdpGrammar.isNonWhitespace(username)
        || !SdpGrammar.isToken(netType)
        || !SdpGrammar.isToken(addrType)
        || !SdpGrammar.isNonWhitespace(address)) {
      throw new IllegalArgumentException("origin parts must be non-empty without whitespace");
    }
    if (sessionId < 0 || sessionVersion < 0) {
      throw new IllegalArgumentException("origin session id and version must not be negative");
    }
  }

  /**
   * An origin as JSEP writes it (RFC 8829 §5.2.1): user {@code -}, {@code IN IP4 0.0.0.0}, so no
   * local address leaks.
   *
   * @param sessionId the session id, 0 to 2<sup>63</sup>-1
   * @param sessionVersion the version
   * @return the origin
   */
  public static Origin anonymous(long sessionId, long sessionVersion) {
    return new Origin("-", sessionId, sessionVersion, "IN", "IP4", "0.0.0.0");
  }

  /**
   * Returns this origin with another version, for a re-offer (RFC 8829 §5.2.2).
   *
   * @param version the new version
   * @return the new origin
   */
  public Origin withSessionVersion(long version) {
    return new Origin(username, sessionId, version, netType, addrType, address);
  }

  /**
   * Parses the value of an {@code o=} line.
   *
   * @param text the text after {@code o=}
   * @return the origin
   * @throws SdpParseException if there are not six space-separated parts or a number is bad
   */
  public static Origin parse(String text) throws SdpParseException {
    String[] p = text == null ? new String[0] : text.split(" ", -1);
    if (p.length != 6) {
      throw new SdpParseException(0, "o= needs 6 space-separated fields");
    }
    long id = SdpGrammar.decimal(p[1], 0, Long.MAX_VALUE, "o= session id");
    long version = SdpGrammar.decimal(p[2], 0, Long.MAX_VALUE, "o= session version");
    if (!SdpGrammar.isNonWhitespace(p[0])
        || !SdpGrammar.isToken(p[3])
        || !SdpGrammar.isToken(p[4])
        || !SdpGrammar.isNonWhitespace(p[5])) {
      throw new SdpParseException(0, "bad o= field: " + SdpGrammar.shorten(text));
    }
    return new Origin(p[0], id, version, p[3], p[4], p[5]);
  }

  /**
   * The line text after {@code o=}.
   *
   * @return for example {@code - 4611731400430051336 2 IN IP4 127.0.0.1}
   */
  @Override
  public String toString() {
    return username
        + " "
        + sessionId
        + " "
        + sessionVersion
        + " "
        + netType
        + " "
        + addrType
        + " "
        + address;
  }
}
