package io.kaihui.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ICE candidate, the {@code a=candidate} attribute (RFC 8839 §5.1): {@code candidate:1 1 udp
 * 2130706431 127.0.0.1 10000 typ host generation 0}.
 *
 * <p>The related address and port ({@code raddr}, {@code rport}) and every extension such as {@code
 * tcptype}, {@code generation}, {@code ufrag}, {@code network-id} live in {@link #extensions()} in
 * the order written; {@link #relatedAddress()}, {@link #relatedPort()} and {@link #tcpType()} read
 * them.
 *
 * @param foundation identifies candidates of the same base, 1 to 32 {@code ice-char}s
 * @param component the component id, 1 (RTP) to 256
 * @param transport the transport as written, {@code udp} or {@code tcp} (compare
 *     case-insensitively)
 * @param priority the priority, 0 to 2<sup>32</sup>-1 (RFC 8445 §5.1.2)
 * @param address the IP address or FQDN (for example an mDNS {@code .local} name)
 * @param port the port, 0 to 65535 (TCP active candidates use 9)
 * @param type the candidate type: {@code host}, {@code srflx}, {@code prflx}, {@code relay}
 * @param extensions the name/value pairs after the type, in order; unmodifiable
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    Map<String, String> extensions) {

  /** The {@code host} candidate type. */
  public static final String TYPE_HOST = "host";

  /** The prefix of the attribute form, as in {@code RTCIceCandidate.candidate}. */
  public static final String PREFIX = "candidate:";

  /**
   * Validates the parts and copies the extensions, keeping their order.
   *
   * @throws IllegalArgumentException if a part is out of range or holds whitespace
   */
  public Candidate {
    if (foundation == null
        || foundation.length() > 32
        || !SdpGrammar.isIceChars(foundation)
        || component < 1
        || component > 256
        || !SdpGrammar.isToken(transport)
        || priority < 0
        || priority > 0xFFFF_FFFFL
        || !SdpGrammar.isNonWhitespace(address)
        || port < 0
        || port > 65535
        || !SdpGrammar.isToken(type)) {
      throw new IllegalArgumentException(
          "bad candidate " + foundation + " " + address + " " + port);
    }
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      if (!SdpGrammar.isNonWhitespace(e.getKey()) || !SdpGrammar.isNonWhitespace(e.getValue())) {
        throw new IllegalArgumentException("bad candidate extension " + e.getKey());
      }
    }
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * A host candidate for component 1 with no extensions, as an ICE-lite server announces its socket
   * (RFC 8445 §5.1.1.1).
   *
   * @param foundation the foundation, for example {@code 1}
   * @param transport {@code udp} or {@code tcp}
   * @param priority the priority, for example 2130706431
   * @param address the IP address
   * @param port the port
   * @return the candidate
   */
  public static Candidate host(
      String foundation, String transport, long priority, String address, int port) {
    return new Candidate(foundation, 1, transport, priority, address, port, TYPE_HOST, Map.of());
  }

  /**
   * Parses a candidate from an SDP attribute value or from a trickled {@code
   * RTCIceCandidate.candidate} string.
   *
   * @param text the text, with or without the leading {@code candidate:}
   * @return the candidate
   * @throws SdpParseException if it does not follow RFC 8839 §5.1
   */
  public static Candidate parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "candidate");
    String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
    String[] p = body.split(" ", -1);
    if (p.length < 8 || (p.length - 8) % 2 != 0 || !"typ".equals(p[6])) {
      throw new SdpParseException(
          0,
          "a=candidate needs <foundation> <component> <transport> "
              + "<priority> <address> <port> typ <type> followed by name/value pairs");
    }
    if (p[0].length() > 32 || !SdpGrammar.isIceChars(p[0])) {
      throw new SdpParseException(0, "bad candidate foundation: " + SdpGrammar.shorten(p[0]));
    }
    int component = SdpGrammar.integer(p[1], 1, 256, "candidate component");
    long priority = SdpGrammar.decimal(p[3], 0, 0xFFFF_FFFFL, "candidate priority");
    int port = SdpGrammar.integer(p[5], 0, 65535, "candidate port");
    if (!SdpGrammar.isToken(p[2])
        || !SdpGrammar.isNonWhitespace(p[4])
        || !SdpGrammar.isToken(p[7])) {
      throw new SdpParseException(0, "bad candidate: " + SdpGrammar.shorten(body));
    }
    Map<String, String> ext = new LinkedHashMap<>();
    for (int i = 8; i < p.length; i += 2) {
      if (!SdpGrammar.isNonWhitespace(p[i]) || !SdpGrammar.isNonWhitespace(p[i + 1])) {
        throw new SdpParseException(0, "bad candidate extension: " + SdpGrammar.shorten(body));
      }
      if ("rport".equals(p[i])) {
        SdpGrammar.integer(p[i + 1], 0, 65535, "candidate rport");
      }
      ext.put(p[i], p[i + 1]);
    }
    return new Candidate(p[0], component, p[2], priority, p[4], port, p[7], ext);
  }

  /**
   * The related address ({@code raddr}) of a reflexive or relayed candidate.
   *
   * @return the address, or null when not written
   */
  public String relatedAddress() {
    return extensions.get("raddr");
  }

  /**
   * The related port ({@code rport}) of a reflexive or relayed candidate.
   *
   * @return the port 0 to 65535, or null when not written or not a port number
   */
  public Integer relatedPort() {
    String v = extensions.get("rport");
    try {
      return v == null ? null : SdpGrammar.integer(v, 0, 65535, "rport");
    } catch (SdpParseException e) {
      return null;
    }
  }

  /**
   * The TCP candidate type (RFC 6544 §4.5): {@code active}, {@code passive} or {@code so}.
   *
   * @return the value of {@code tcptype}, or null when not written
   */
  public String tcpType() {
    return extensions.get("tcptype");
  }

  /**
   * The SDP attribute value, without the {@code candidate:} name.
   *
   * @return for example {@code 1 1 udp 2130706431 127.0.0.1 10000 typ host}
   */
  public String toAttributeValue() {
    StringBuilder sb = new StringBuilder(96);
    sb.append(foundation)
        .append(' ')
        .append(component)
        .append(' ')
        .append(transport)
        .append(' ')
        .append(priority)
        .append(' ')
        .append(address)
        .append(' ')
        .append(port)
        .append(" typ ")
        .append(type);
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      sb.append(' ').append(e.getKey()).append(' ').append(e.getValue());
    }
    return sb.toString();
  }

  /**
   * The candidate in attribute form, as {@code RTCIceCandidate.candidate} carries it in trickle ICE
   * (RFC 8840) and as it follows {@code a=} in SDP.
   *
   * @return {@code candidate:} followed by {@link #toAttributeValue()}
   */
  @Override
  public String toString() {
    return PREFIX + toAttributeValue();
  }
}
