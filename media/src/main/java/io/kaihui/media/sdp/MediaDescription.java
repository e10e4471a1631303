package io.kaihui.media.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One media section (RFC 8866 §5.14): the {@code m=} line and the lines up to the next one.
 * Mutable; not thread-safe.
 *
 * <p>The {@code a=} lines are kept in {@link #attributes()} in written order; the typed accessors
 * ({@link #mid()}, {@link #rtpMaps()}, {@link #candidates()}, and those inherited from {@link
 * SdpSection}) parse from and write to that list, so unknown attributes survive a parse/write round
 * trip. Accessors return only what this section itself says: a section does not know its {@link
 * SessionDescription}, and values that may sit at session level (ICE credentials, fingerprint,
 * setup, direction, as Firefox writes them) are resolved by {@link
 * SessionDescription#iceUfrag(MediaDescription)} and its siblings.
 *
 * <p>Typed reads of attributes that {@link SessionDescription#parse(String)} validated never fail;
 * an attribute added by hand through {@link #attributes()} that is malformed makes the matching
 * reader throw {@link IllegalStateException}.
 */
public final class MediaDescription extends SdpSection {

  /** Media type {@code audio}. */
  public static final String AUDIO = "audio";

  /** Media type {@code video}. */
  public static final String VIDEO = "video";

  /** Media type {@code application} (data channels, RFC 8841). */
  public static final String APPLICATION = "application";

  /** The profile WebRTC uses for RTP media (RFC 8829 §5.1.2). */
  public static final String PROTO_RTP = "UDP/TLS/RTP/SAVPF";

  /** The profile WebRTC uses for data channels (RFC 8841 §4). */
  public static final String PROTO_SCTP = "UDP/DTLS/SCTP";

  private final String type;
  private int port;
  private int portCount = 1;
  private final String proto;
  private final List<String> formats;

  /**
   * Creates a media section with no connection and no attributes.
   *
   * @param type the media type, for example {@link #AUDIO}
   * @param port the port, 0 to 65535; JSEP writes 9 when bundled or waiting for ICE, 0 to reject
   *     the section (RFC 8829 §5.2.1)
   * @param proto the transport protocol, for example {@link #PROTO_RTP}
   * @param formats the formats (RTP payload types as decimal strings); may be empty and filled
   *     later by {@link #addRtpMap(RtpMap)}, but the section must have one before it is written
   * @throws IllegalArgumentException if a part is malformed
   */
  public MediaDescription(String type, int port, String proto, List<String> formats) {
    if (!SdpGrammar.isToken(type) || !isProto(proto)) {
      throw new IllegalArgumentException("bad media type or proto: " + type + " " + proto);
    }
    this.type = type;
    this.proto = proto;
    this.formats = new ArrayList<>(formats);
    for (String f : this.formats) {
      if (!SdpGrammar.isToken(f)) {
        throw new IllegalArgumentException("bad format " + f);
      }
    }
    setPort(port);
  }

  /** Whether a proto is {@code token *("/" token)} (RFC 8866 §5.14). */
  static boolean isProto(String proto) {
    if (proto == null || proto.isEmpty()) {
      return false;
    }
    for (String part : proto.split("/", -1)) {
      if (!SdpGrammar.isToken(part)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the proto carries RTP, so formats are payload types (RFC 8866 §5.14). */
  static boolean isRtpProto(String proto) {
    return proto.startsWith("RTP/") || proto.contains("/RTP/");
  }

  /**
   * The media type.
   *
   * @return for example {@code audio}, {@code video}, {@code application}
   */
  public String type() {
    return type;
  }

  /**
   * The port of the {@code m=} line.
   *
   * @return 0 to 65535; 0 means the section is rejected or stopped
   */
  public int port() {
    return port;
  }

  /**
   * Sets the port of the {@code m=} line.
   *
   * @param port 0 to 65535
   * @throws IllegalArgumentException if out of range
   */
  public void setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
  }

  /**
   * The number of ports from the {@code <port>/<number>} form (RFC 8866 §5.14).
   *
   * @return at least 1; 1 is written as the port alone
   */
  public int portCount() {
    return portCount;
  }

  /**
   * Sets the number of ports.
   *
   * @param count at least 1
   * @throws IllegalArgumentException if less than 1
   */
  public void setPortCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("port count must be at least 1");
    }
    this.portCount = count;
  }

  /**
   * Whether the section is rejected: port 0 (RFC 8829 §5.3.1, RFC 3264 §6).
   *
   * @return true when the port is 0
   */
  public boolean isRejected() {
    return port == 0;
  }

  /**
   * The transport protocol.
   *
   * @return for example {@code UDP/TLS/RTP/SAVPF}
   */
  public String proto() {
    return proto;
  }

  /**
   * The formats of the {@code m=} line in order, live and mutable: for RTP the payload types as
   * decimal strings ({@code "111"}), for data channels {@code webrtc-datachannel}.
   *
   * @return the live list; entries must be SDP tokens
   */
  public List<String> formats() {
    return formats;
  }

  /**
   * The media identification tag {@code a=mid} (RFC 8843 §4, RFC 5888 §4).
   *
   * @return the mid, or null if absent
   */
  public String mid() {
    return attributes().value("mid");
  }

  /**
   * Sets {@code a=mid}.
   *
   * @param mid an SDP token, for example {@code 0}
   */
  public void setMid(String mid) {
    if (!SdpGrammar.isToken(mid)) {
      throw new IllegalArgumentException("mid must be an SDP token: " + mid);
    }
    attributes().put("mid", mid);
  }

  /**
   * Whether RTP and RTCP share the port, {@code a=rtcp-mux} (RFC 5761 §5.1.3).
   *
   * @return true if present
   */
  public boolean rtcpMux() {
    return attributes().has("rtcp-mux");
  }

  /**
   * Adds or removes {@code a=rtcp-mux}.
   *
   * @param on whether present
   */
  public void setRtcpMux(boolean on) {
    attributes().putFlag("rtcp-mux", on);
  }

  /**
   * Whether reduced-size RTCP is accepted, {@code a=rtcp-rsize} (RFC 5506 §5).
   *
   * @return true if present
   */
  public boolean rtcpRsize() {
    return attributes().has("rtcp-rsize");
  }

  /**
   * Adds or removes {@code a=rtcp-rsize}.
   *
   * @param on whether present
   */
  public void setRtcpRsize(boolean on) {
    attributes().putFlag("rtcp-rsize", on);
  }

  /**
   * All {@code a=rtpmap} lines in order (RFC 8866 §6.6).
   *
   * @return a new list
   */
  public List<RtpMap> rtpMaps() {
    return attributes().parseAll("rtpmap", RtpMap::parse);
  }

  /**
   * The {@code a=rtpmap} of one payload type.
   *
   * @param payloadType 0 to 127
   * @return the mapping, or null if there is none
   */
  public RtpMap rtpMap(int payloadType) {
    for (RtpMap m : rtpMaps()) {
      if (m.payloadType() == payloadType) {
        return m;
      }
    }
    return null;
  }

  /**
   * Appends an {@code a=rtpmap} and adds its payload type to {@link #formats()} if missing.
   *
   * @param rtpMap the mapping
   */
  public void addRtpMap(RtpMap rtpMap) {
    String pt = Integer.toString(rtpMap.payloadType());
    if (!formats.contains(pt)) {
      formats.add(pt);
    }
    attributes().add("rtpmap", rtpMap.toString());
  }

  /**
   * The format parameters {@code a=fmtp} of one payload type, raw (RFC 8866 §6.15).
   *
   * @param payloadType 0 to 127
   * @return the text after {@code <pt> }, for example {@code minptime=10;useinbandfec=1}, or null
   *     if there is none
   */
  public String fmtp(int payloadType) {
    String prefix = payloadType + " ";
    for (Attribute a : attributes()) {
      if (a.is("fmtp") && a.value() != null && a.value().startsWith(prefix)) {
        return a.value().substring(prefix.length());
      }
    }
    return null;
  }

  /**
   * The format parameters of one payload type as {@code key=value} pairs separated by {@code ;},
   * keys and values trimmed, in order. A part without {@code =} (as in RED's {@code 111/111})
   * becomes a key with an empty value; read such formats with {@link #fmtp(int)}.
   *
   * @param payloadType 0 to 127
   * @return an unmodifiable map, empty if there is no {@code a=fmtp}
   */
  public Map<String, String> fmtpParameters(int payloadType) {
    String raw = fmtp(payloadType);
    if (raw == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : raw.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      out.put(eq < 0 ? p : p.substring(0, eq).trim(), eq < 0 ? "" : p.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Sets the {@code a=fmtp} of one payload type: replaces that payload type's line in place or
   * appends one.
   *
   * @param payloadType 0 to 127
   * @param parameters the raw parameters, for example {@code minptime=10;useinbandfec=1}
   * @throws IllegalArgumentException if the payload type is out of range or the parameters hold CR,
   *     LF or NUL
   */
  public void setFmtp(int payloadType, String parameters) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range: " + payloadType);
    }
    String prefix = payloadType + " ";
    attributes()
        .replace(
            a -> a.is("fmtp") && a.value() != null && a.value().startsWith(prefix),
            new Attribute("fmtp", prefix + parameters));
  }

  /**
   * Sets the {@code a=fmtp} of one payload type from pairs, written {@code k=v;k=v}.
   *
   * @param payloadType 0 to 127
   * @param parameters the pairs in the order to write
   */
  public void setFmtp(int payloadType, Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      if (!sb.isEmpty()) {
        sb.append(';');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    setFmtp(payloadType, sb.toString());
  }

  /**
   * All {@code a=rtcp-fb} lines in order (RFC 4585 §4.2).
   *
   * @return a new list
   */
  public List<RtcpFeedback> rtcpFeedback() {
    return attributes().parseAll("rtcp-fb", RtcpFeedback::parse);
  }

  /**
   * The {@code a=rtcp-fb} lines that apply to one payload type: its own and the {@code *} ones.
   *
   * @param payloadType 0 to 127
   * @return a new list in written order
   */
  public List<RtcpFeedback> rtcpFeedback(int payloadType) {
    List<RtcpFeedback> out = new ArrayList<>();
    for (RtcpFeedback fb : rtcpFeedback()) {
      if (fb.appliesTo(payloadType)) {
        out.add(fb);
      }
    }
    return out;
  }

  /**
   * Appends an {@code a=rtcp-fb}.
   *
   * @param feedback the entry
   */
  public void addRtcpFeedback(RtcpFeedback feedback) {
    attributes().add("rtcp-fb", feedback.toString());
  }

  /**
   * All {@code a=ssrc} lines in order (RFC 5576 §4.1).
   *
   * @return a new list
   */
  public List<SsrcAttribute> ssrcs() {
    return attributes().parseAll("ssrc", SsrcAttribute::parse);
  }

  /**
   * Appends an {@code a=ssrc}.
   *
   * @param ssrc 0 to 2<sup>32</sup>-1
   * @param name the source attribute name, for example {@code cname}
   * @param value its value, or null
   */
  public void addSsrc(long ssrc, String name, String value) {
    attributes().add("ssrc", new SsrcAttribute(ssrc, name, value).toString());
  }

  /**
   * All {@code a=ssrc-group} lines in order (RFC 5576 §4.2).
   *
   * @return a new list
   */
  public List<SsrcGroup> ssrcGroups() {
    return attributes().parseAll("ssrc-group", SsrcGroup::parse);
  }

  /**
   * Appends an {@code a=ssrc-group}.
   *
   * @param group the group
   */
  public void addSsrcGroup(SsrcGroup group) {
    attributes().add("ssrc-group", group.toString());
  }

  /**
   * The first {@code a=msid} (RFC 8830 §2).
   *
   * @return the msid, or null if absent
   */
  public Msid msid() {
    return attributes().parseFirst("msid", Msid::parse);
  }

  /**
   * Sets the one {@code a=msid}, replacing all others.
   *
   * @param msid the msid
   */
  public void setMsid(Msid msid) {
    attributes().put("msid", msid.toString());
  }

  /**
   * All {@code a=candidate} lines in order (RFC 8839 §5.1).
   *
   * @return a new list
   */
  public List<Candidate> candidates() {
    return attributes().parseAll("candidate", Candidate::parse);
  }

  /**
   * Appends an {@code a=candidate}.
   *
   * @param candidate the candidate
   */
  public void addCandidate(Candidate candidate) {
    attributes().add("candidate", candidate.toAttributeValue());
  }

  /**
   * Whether {@code a=end-of-candidates} is present (RFC 8840 §8.2).
   *
   * @return true if present
   */
  public boolean endOfCandidates() {
    return attributes().has("end-of-candidates");
  }

  /**
   * Adds or removes {@code a=end-of-candidates}.
   *
   * @param on whether present
   */
  public void setEndOfCandidates(boolean on) {
    attributes().putFlag("end-of-candidates", on);
  }

  /**
   * The raw {@code a=rid} values (RFC 8851), for example {@code h send}.
   *
   * @return a new list in written order
   */
  public List<String> rids() {
    return attributes().values("rid");
  }

  /**
   * The raw {@code a=simulcast} value (RFC 8853), for example {@code send h;m;l}.
   *
   * @return the value, or null if absent
   */
  public String simulcast() {
    return attributes().value("simulcast");
  }

  /**
   * The SCTP port {@code a=sctp-port} of a data channel section (RFC 8841 §5).
   *
   * @return 0 to 65535, or null if absent
   */
  public Integer sctpPort() {
    return attributes().parseFirst("sctp-port", v -> SdpGrammar.integer(v, 0, 65535, "sctp-port"));
  }

  /**
   * The largest SCTP message this side accepts, {@code a=max-message-size} (RFC 8841 §6).
   *
   * @return bytes, 0 meaning no limit, or null if absent
   */
  public Long maxMessageSize() {
    return attributes()
        .parseFirst(
            "max-message-size", v -> SdpGrammar.decimal(v, 0, Long.MAX_VALUE, "max-message-size"));
  }

  /** Writes this section with CRLF line ends (RFC 8866 §5 order: m i c b k a). */
  void writeTo(StringBuilder sb) {
    sb.append("m=").append(type).append(' ').append(port);
    if (portCount != 1) {
      sb.append('/').append(portCount);
    }
    sb.append(' ').append(proto);
    for (String f : formats) {
      sb.append(' ').append(f);
    }
    sb.append("\r\n");
    writeOther(sb, 'i');
    writeConnectionAndBandwidths(sb);
    writeOther(sb, 'k');
    writeAttributes(sb);
  }

  /**
   * The section as SDP text with CRLF line ends, from its {@code m=} line on.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(1024);
    writeTo(sb);
    return sb.toString();
  }

  /**
   * Two sections are equal when every line would be written the same.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MediaDescription m
        && type.equals(m.type)
        && port == m.port
        && portCount == m.portCount
        && proto.equals(m.proto)
        && formats.equals(m.formats)
        && sectionEquals(m);
  }

  /**
   * A hash consistent with {@link #equals(Object)}; changes when the section is changed.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(type, port, portCount, proto, formats, sectionHash());
  }
}
