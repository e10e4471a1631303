package io.kaihui.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole session description (RFC 8866), as WebRTC exchanges them in offers and answers (RFC 8829
 * JSEP). Mutable: parse a peer's description with {@link #parse(String)} and read it, or build one
 * with the constructor, setters and adders, then write it with {@link #toString()}. Not
 * thread-safe.
 *
 * <p>Session-level {@code a=} lines live in {@link #attributes()}; the media sections in {@link
 * #media()}. Typed accessors at this level cover BUNDLE groups (RFC 8843), ICE lite (RFC 8839
 * §5.3), {@code msid-semantic}, and, through {@link SdpSection}, the attributes that may sit at
 * either level. Because Firefox puts ICE credentials and the fingerprint at session level while
 * Chromium repeats them in every media section, read them through the resolving helpers {@link
 * #iceUfrag(MediaDescription)}, {@link #icePwd(MediaDescription)}, {@link
 * #iceOptions(MediaDescription)}, {@link #fingerprint(MediaDescription)}, {@link
 * #setup(MediaDescription)} and {@link #direction(MediaDescription)}: the media section's own value
 * if it has one, else the session's.
 *
 * <p>Writing puts lines in RFC 8866 §5 order with CRLF line ends; for a description that was
 * written in that order (as Chromium writes them) {@code parse(text).toString()} returns {@code
 * text} unchanged.
 */
public final class SessionDescription extends SdpSection {

  private Origin origin;
  private String sessionName = "-";
  private Timing timing = Timing.PERMANENT;
  private final List<MediaDescription> media = new ArrayList<>();

  /**
   * Creates a description with {@code s=-}, {@code t=0 0}, no attributes and no media, as JSEP
   * starts one (RFC 8829 §5.2.1).
   *
   * @param origin the {@code o=} line, for example {@link Origin#anonymous(long, long)}
   */
  public SessionDescription(Origin origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /**
   * Parses a session description.
   *
   * <p>Accepts CRLF or LF line ends and a missing final line end. Requires {@code v=0} first, one
   * {@code o=} and one {@code s=} before the first {@code m=}; at most one {@code t=} ({@code t=0
   * 0} assumed when absent). Every line must be {@code <letter>=<value>} with a letter RFC 8866
   * defines and no CR or NUL inside. The {@code m=} line must have a port 0-65535, a proto of
   * tokens and at least one format (payload types 0-127 for RTP protos). The attributes this
   * package types ({@code rtpmap fmtp rtcp-fb extmap ssrc ssrc-group msid candidate fingerprint
   * setup group mid ice-ufrag ice-pwd ice-options sctp-port max-message-size}) must follow their
   * grammars, so the typed accessors of the result never fail; a {@code mid} may occur once per
   * section and once in the description. Other attributes are kept verbatim.
   *
   * @param sdp the text
   * @return the description
   * @throws SdpParseException with the 1-based line number of the first offending line
   */
  public static SessionDescription parse(String sdp) throws SdpParseException {
    return SdpParser.parse(sdp);
  }

  /**
   * The protocol version of the {@code v=} line.
   *
   * @return always 0 (RFC 8866 §5.1)
   */
  public int version() {
    return 0;
  }

  /**
   * The {@code o=} line.
   *
   * @return the origin
   */
  public Origin origin() {
    return origin;
  }

  /**
   * Sets the {@code o=} line.
   *
   * @param origin the origin
   */
  public void setOrigin(Origin origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /**
   * The session name of the {@code s=} line.
   *
   * @return the name, {@code -} in JSEP descriptions
   */
  public String sessionName() {
    return sessionName;
  }

  /**
   * Sets the session name.
   *
   * @param sessionName the name; RFC 8866 §5.3 asks for a non-empty one ({@code -} if none)
   * @throws IllegalArgumentException if it holds CR, LF or NUL
   */
  public void setSessionName(String sessionName) {
    if (!SdpGrammar.isLineText(sessionName)) {
      throw new IllegalArgumentException("session name holds CR, LF or NUL");
    }
    this.sessionName = sessionName;
  }

  /**
   * The {@code t=} line.
   *
   * @return the timing, {@link Timing#PERMANENT} in JSEP descriptions
   */
  public Timing timing() {
    return timing;
  }

  /**
   * Sets the {@code t=} line.
   *
   * @param timing the timing
   */
  public void setTiming(Timing timing) {
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * The media sections in order, live and mutable.
   *
   * @return the live list
   */
  public List<MediaDescription> media() {
    return media;
  }

  /**
   * The media section with a given {@code a=mid}.
   *
   * @param mid the identification tag
   * @return the section, or null if none has it
   */
  public MediaDescription media(String mid) {
    for (MediaDescription m : media) {
      if (mid.equals(m.mid())) {
        return m;
      }
    }
    return null;
  }

  /**
   * All session-level {@code a=group} lines in order (RFC 5888 §5).
   *
   * @return a new list
   */
  public List<Group> groups() {
    return attributes().parseAll("group", Group::parse);
  }

  /**
   * The first {@code a=group} with given semantics, such as {@code a=group:BUNDLE 0 1} (RFC 8843
   * §7.1).
   *
   * @param semantics for example {@link Group#BUNDLE}
   * @return the group, or null if there is none
   */
  public Group group(String semantics) {
    for (Group g : groups()) {
      if (g.semantics().equals(semantics)) {
        return g;
      }
    }
    return null;
  }

  /**
   * Sets the {@code a=group} of the group's semantics: replaces the first one with the same
   * semantics in place and removes others, or appends.
   *
   * @param group the group
   */
  public void setGroup(Group group) {
    String prefix = group.semantics();
    attributes()
        .replace(
            a ->
                a.is("group")
                    && a.value() != null
                    && (a.value().equals(prefix) || a.value().startsWith(prefix + " ")),
            new Attribute("group", group.toString()));
  }

  /**
   * Whether the writer is an ICE lite agent, {@code a=ice-lite} (RFC 8839 §5.3).
   *
   * @return true if present at session level
   */
  public boolean iceLite() {
    return attributes().has("ice-lite");
  }

  /**
   * Adds or removes {@code a=ice-lite}.
   *
   * @param on whether present
   */
  public void setIceLite(boolean on) {
    attributes().putFlag("ice-lite", on);
  }

  /**
   * The {@code a=msid-semantic} value, trimmed (draft-ietf-mmusic-msid; Chromium still writes
   * {@code a=msid-semantic: WMS <stream ids>}).
   *
   * @return for example {@code WMS *}, or null if absent
   */
  public String msidSemantic() {
    String v = attributes().value("msid-semantic");
    return v == null ? null : v.trim();
  }

  /**
   * Sets {@code a=msid-semantic}, written with one leading space as Chromium does.
   *
   * @param value for example {@code WMS *}
   */
  public void setMsidSemantic(String value) {
    attributes().put("msid-semantic", " " + value);
  }

  /**
   * The ICE user fragment that applies to a media section (RFC 8839 §5.4): its own, else the
   * session's.
   *
   * @param m a media section of this description
   * @return the ufrag, or null if neither level has one
   */
  public String iceUfrag(MediaDescription m) {
    return m.iceUfrag() != null ? m.iceUfrag() : iceUfrag();
  }

  /**
   * The ICE password that applies to a media section (RFC 8839 §5.4): its own, else the session's.
   *
   * @param m a media section of this description
   * @return the password, or null if neither level has one
   */
  public String icePwd(MediaDescription m) {
    return m.icePwd() != null ? m.icePwd() : icePwd();
  }

  /**
   * The ICE options that apply to a media section (RFC 8839 §5.6): its own, else the session's.
   *
   * @param m a media section of this description
   * @return the options, empty if neither level has any
   */
  public List<String> iceOptions(MediaDescription m) {
    List<String> own = m.iceOptions();
    return own.isEmpty() ? iceOptions() : own;
  }

  /**
   * The fingerprint that applies to a media section (RFC 8122 §5): its own first one, else the
   * session's.
   *
   * @param m a media section of this description
   * @return the fingerprint, or null if neither level has one
   */
  public Fingerprint fingerprint(MediaDescription m) {
    Fingerprint own = m.fingerprint();
    return own != null ? own : fingerprint();
  }

  /**
   * The DTLS role that applies to a media section (RFC 4145 §4): its own, else the session's.
   *
   * @param m a media section of this description
   * @return the role, or null if neither level has one
   */
  public Setup setup(MediaDescription m) {
    Setup own = m.setup();
    return own != null ? own : setup();
  }

  /**
   * The direction that applies to a media section (RFC 8866 §6.7): its own, else the session's,
   * else SENDRECV.
   *
   * @param m a media section of this description
   * @return the direction, never null
   */
  public Direction direction(MediaDescription m) {
    Direction own = m.direction();
    if (own != null) {
      return own;
    }
    Direction session = direction();
    return session != null ? session : Direction.SENDRECV;
  }

  /**
   * The description as SDP text, lines in RFC 8866 §5 order ({@code v o s i u e p c b t r z k a},
   * then each media section), each ending in CRLF.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(2048 + 2048 * media.size());
    sb.append("v=0\r\n");
    sb.append("o=").append(origin).append("\r\n");
    sb.append("s=").append(sessionName).append("\r\n");
    for (char t : "iuep".toCharArray()) {
      writeOther(sb, t);
    }
    writeConnectionAndBandwidths(sb);
    sb.append("t=").append(timing).append("\r\n");
    for (char t : "rzk".toCharArray()) {
      writeOther(sb, t);
    }
    writeAttributes(sb);
    for (MediaDescription m : media) {
      m.writeTo(sb);
    }
    return sb.toString();
  }

  /**
   * Two descriptions are equal when every line would be written the same.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SessionDescription s
        && origin.equals(s.origin)
        && sessionName.equals(s.sessionName)
        && timing.equals(s.timing)
        && media.equals(s.media)
        && sectionEquals(s);
  }

  /**
   * A hash consistent with {@link #equals(Object)}; changes when the description is changed.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(origin, sessionName, timing, media, sectionHash());
  }
}
