package io.kaihui.media.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the session level and a media section have in common (RFC 8866 §5): a {@code c=} line,
 * {@code b=} lines, kept {@code i=}/{@code k=}-style lines and the ordered {@code a=} lines, with
 * typed accessors for the attributes that may appear at either level: direction (RFC 8866 §6.7),
 * ICE credentials and options (RFC 8839 §5.4, §5.6), fingerprint (RFC 8122 §5), setup (RFC 4145
 * §4), header extensions (RFC 8285 §5, §6).
 *
 * <p>Accessors read and write through {@link #attributes()}, so unknown attributes survive. Each
 * accessor sees only its own level; {@link SessionDescription} resolves media-then-session
 * fallbacks. Typed reads of a malformed attribute that was added by hand throw {@link
 * IllegalStateException}; parsed descriptions never have one. Not thread-safe.
 */
public abstract sealed class SdpSection permits SessionDescription, MediaDescription {

  private Connection connection;
  private final List<Bandwidth> bandwidths = new ArrayList<>();
  private final List<SdpLine> otherLines = new ArrayList<>();
  private final AttributeList attributes = new AttributeList();

  SdpSection() {}

  /**
   * The {@code c=} line of this level.
   *
   * @return the connection, or null if this level has none
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Sets or removes the {@code c=} line.
   *
   * @param connection the connection, or null to remove it
   */
  public void setConnection(Connection connection) {
    this.connection = connection;
  }

  /**
   * The {@code b=} lines, live and mutable.
   *
   * @return the live list
   */
  public List<Bandwidth> bandwidths() {
    return bandwidths;
  }

  /**
   * Kept lines of types this package does not model ({@code i= u= e= p= r= z= k=} at session level,
   * {@code i= k=} in a media section), live and mutable; see {@link SdpLine}.
   *
   * @return the live list
   */
  public List<SdpLine> otherLines() {
    return otherLines;
  }

  /**
   * The {@code a=} lines in order, live and mutable.
   *
   * @return the live list
   */
  public AttributeList attributes() {
    return attributes;
  }

  /**
   * The first direction attribute of this level (RFC 8866 §6.7).
   *
   * @return the direction, or null if this level has none (the default is SENDRECV; see {@link
   *     SessionDescription#direction(MediaDescription)})
   */
  public Direction direction() {
    for (Attribute a : attributes) {
      Direction d = Direction.fromAttributeName(a.name());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Sets the direction: replaces the first direction attribute in place and removes others.
   *
   * @param direction the direction
   */
  public void setDirection(Direction direction) {
    attributes.replace(
        a -> Direction.fromAttributeName(a.name()) != null,
        Attribute.flag(direction.attributeName()));
  }

  /**
   * The ICE user fragment {@code a=ice-ufrag} of this level (RFC 8839 §5.4).
   *
   * @return the ufrag, or null if absent at this level
   */
  public String iceUfrag() {
    return attributes.value("ice-ufrag");
  }

  /**
   * Sets {@code a=ice-ufrag}.
   *
   * @param ufrag {@code ice-char}s; RFC 8839 §5.4 asks for 4 to 256 of them
   * @throws IllegalArgumentException if not {@code ice-char}s
   */
  public void setIceUfrag(String ufrag) {
    attributes.put("ice-ufrag", checkIceChars(ufrag));
  }

  /**
   * The ICE password {@code a=ice-pwd} of this level (RFC 8839 §5.4).
   *
   * @return the password, or null if absent at this level
   */
  public String icePwd() {
    return attributes.value("ice-pwd");
  }

  /**
   * Sets {@code a=ice-pwd}.
   *
   * @param pwd {@code ice-char}s; RFC 8839 §5.4 asks for 22 to 256 of them
   * @throws IllegalArgumentException if not {@code ice-char}s
   */
  public void setIcePwd(String pwd) {
    attributes.put("ice-pwd", checkIceChars(pwd));
  }

  private static String checkIceChars(String s) {
    if (!SdpGrammar.isIceChars(s)) {
      throw new IllegalArgumentException("not ICE characters: " + s);
    }
    return s;
  }

  /**
   * The ICE options {@code a=ice-options} of this level (RFC 8839 §5.6), for example {@code
   * trickle}.
   *
   * @return the options of the first {@code a=ice-options}, empty if absent at this level
   */
  public List<String> iceOptions() {
    String v = attributes.value("ice-options");
    return v == null || v.isEmpty() ? List.of() : List.of(v.split(" "));
  }

  /**
   * Sets {@code a=ice-options}, or removes it when the list is empty.
   *
   * @param options SDP tokens, for example {@code trickle} or {@code ice2}
   * @throws IllegalArgumentException if an option is not a token
   */
  public void setIceOptions(List<String> options) {
    if (options.isEmpty()) {
      attributes.removeNamed("ice-options");
      return;
    }
    for (String o : options) {
      if (!SdpGrammar.isToken(o)) {
        throw new IllegalArgumentException("ICE option must be a token: " + o);
      }
    }
    attributes.put("ice-options", String.join(" ", options));
  }

  /**
   * The first certificate fingerprint of this level (RFC 8122 §5).
   *
   * @return the fingerprint, or null if absent at this level
   */
  public Fingerprint fingerprint() {
    return attributes.parseFirst("fingerprint", Fingerprint::parse);
  }

  /**
   * All certificate fingerprints of this level (RFC 8122 §5 allows several).
   *
   * @return a new list
   */
  public List<Fingerprint> fingerprints() {
    return attributes.parseAll("fingerprint", Fingerprint::parse);
  }

  /**
   * Sets the one {@code a=fingerprint}, replacing all others.
   *
   * @param fingerprint the fingerprint
   */
  public void setFingerprint(Fingerprint fingerprint) {
    attributes.put("fingerprint", fingerprint.toString());
  }

  /**
   * The DTLS role {@code a=setup} of this level (RFC 8842 §5).
   *
   * @return the role, or null if absent at this level
   */
  public Setup setup() {
    return attributes.parseFirst("setup", Setup::parse);
  }

  /**
   * Sets {@code a=setup}.
   *
   * @param setup the role
   */
  public void setSetup(Setup setup) {
    attributes.put("setup", setup.value());
  }

  /**
   * All {@code a=extmap} lines of this level in order (RFC 8285 §5).
   *
   * @return a new list
   */
  public List<ExtMap> extmaps() {
    return attributes.parseAll("extmap", ExtMap::parse);
  }

  /**
   * Appends an {@code a=extmap}.
   *
   * @param extMap the mapping
   */
  public void addExtMap(ExtMap extMap) {
    attributes.add("extmap", extMap.toString());
  }

  /**
   * Whether one- and two-byte header extensions may be mixed in one packet, {@code
   * a=extmap-allow-mixed} (RFC 8285 §6).
   *
   * @return true if present at this level
   */
  public boolean extmapAllowMixed() {
    return attributes.has("extmap-allow-mixed");
  }

  /**
   * Adds or removes {@code a=extmap-allow-mixed}.
   *
   * @param on whether present
   */
  public void setExtmapAllowMixed(boolean on) {
    attributes.putFlag("extmap-allow-mixed", on);
  }

  /** Writes the kept lines of one type, in order, with CRLF line ends. */
  void writeOther(StringBuilder sb, char type) {
    for (SdpLine l : otherLines) {
      if (l.type() == type) {
        sb.append(l).append("\r\n");
      }
    }
  }

  /** Writes the {@code c=} and {@code b=} lines. */
  void writeConnectionAndBandwidths(StringBuilder sb) {
    if (connection != null) {
      sb.append("c=").append(connection).append("\r\n");
    }
    for (Bandwidth b : bandwidths) {
      sb.append("b=").append(b).append("\r\n");
    }
  }

  /** Writes the {@code a=} lines. */
  void writeAttributes(StringBuilder sb) {
    for (Attribute a : attributes) {
      sb.append("a=").append(a).append("\r\n");
    }
  }

  /** Whether the parts held here equal another section's. */
  boolean sectionEquals(SdpSection o) {
    return Objects.equals(connection, o.connection)
        && bandwidths.equals(o.bandwidths)
        && otherLinesInWrittenOrder().equals(o.otherLinesInWrittenOrder())
        && attributes.equals(o.attributes);
  }

  /** A hash of the parts held here. */
  int sectionHash() {
    return Objects.hash(connection, bandwidths, otherLinesInWrittenOrder(), attributes);
  }

  /**
   * The kept lines in the order the writer puts them (by type, then as listed), so that two
   * sections that write the same text compare equal.
   */
  private List<SdpLine> otherLinesInWrittenOrder() {
    List<SdpLine> sorted = new ArrayList<>(otherLines);
    sorted.sort(Comparator.comparingInt(l -> SdpLine.SESSION_TYPES.indexOf(l.type())));
    return sorted;
  }
}
