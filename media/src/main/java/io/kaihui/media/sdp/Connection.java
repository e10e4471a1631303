package io.kaihui.media.sdp;

/**
 * The {@code c=} line (RFC 8866 §5.7): {@code c=<nettype> <addrtype> <connection-address>}. JSEP
 * media sections carry the default candidate's address here (RFC 8829 §5.2.1), usually {@code IN
 * IP4 0.0.0.0} until candidates are known.
 *
 * @param netType the network type, {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address the address, verbatim (a multicast {@code /ttl} suffix stays part of it)
 */
public record Connection(String netType, String addrType, String address) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is empty or holds whitespace
   */
  public Connection {
    if (!SdpGrammar.isToken(netType)
        || !SdpGrammar.isToken(addrType)
        || !SdpGrammar.isNonWhitespace(address)) {
      throw new IllegalArgumentException("connection parts must be non-empty without whitespace");
    }
  }

  /**
   * An {@code IN} connection whose address type is picked from the address: {@code IP6} when it
   * contains a colon, {@code IP4} otherwise.
   *
   * @param address an IPv4 or IPv6 address literal
   * @return the connection
   */
  public static Connection of(String address) {
    return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
  }

  /**
   * Parses the value of a {@code c=} line.
   *
   * @param text the text after {@code c=}, for example {@code IN IP4 127.0.0.1}
   * @return the connection
   * @throws SdpParseException if it is not three space-separated parts
   */
  public static Connection parse(String text) throws SdpParseException {
    String[] p = text == null ? new String[0] : text.split(" ", -1);
    if (p.length != 3
        || !SdpGrammar.isToken(p[0])
        || !SdpGrammar.isToken(p[1])
        || !SdpGrammar.isNonWhitespace(p[2])) {
      throw new SdpParseException(0, "c= needs <nettype> <addrtype> <address>");
    }
    return new Connection(p[0], p[1], p[2]);
  }

  /**
   * The line text after {@code c=}.
   *
   * @return for example {@code IN IP4 127.0.0.1}
   */
  @Override
  public String toString() {
    return netType + " " + addrType + " " + address;
  }
}
