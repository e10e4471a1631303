package io.kaihui.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads SDP text into a {@link SessionDescription}; the rules are listed on {@link
 * SessionDescription#parse(String)}. Throws only {@link SdpParseException}, for any input.
 */
final class SdpParser {

  /** Line types RFC 8866 §5 defines. */
  private static final String KNOWN_TYPES = "vosiuepcbtrzkam";

  private SessionDescription session;
  private MediaDescription current;
  private boolean sawSessionName;
  private boolean sawTiming;
  private boolean sawSessionConnection;
  private boolean sawMediaConnection;
  private boolean sawMediaMid;
  private final Set<String> mids = new HashSet<>();

  private SdpParser() {}

  static SessionDescription parse(String sdp) throws SdpParseException {
    if (sdp == null || sdp.isEmpty()) {
      throw new SdpParseException(1, "empty session description");
    }
    String[] lines = sdp.split("\n", -1);
    int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    SdpParser parser = new SdpParser();
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      try {
        parser.line(i, line);
      } catch (SdpParseException e) {
        throw e.line() == 0 ? e.atLine(i + 1) : e;
      }
    }
    parser.requireSessionHeader(count);
    return parser.session;
  }

  private void line(int index, String line) throws SdpParseException {
    if (line.length() < 2 || line.charAt(1) != '=') {
      throw new SdpParseException(0, "not a <type>=<value> line: " + SdpGrammar.shorten(line));
    }
    char type = line.charAt(0);
    String value = line.substring(2);
    if (KNOWN_TYPES.indexOf(type) < 0) {
      throw new SdpParseException(0, "unknown line type '" + type + "'");
    }
    if (!SdpGrammar.isLineText(value)) {
      throw new SdpParseException(0, "line holds a CR or NUL character");
    }
    if (index == 0) {
      if (type != 'v' || !"0".equals(value)) {
        throw new SdpParseException(0, "the first line must be v=0");
      }
      return;
    }
    if (current == null) {
      sessionLine(index, type, value);
    } else {
      mediaLine(type, value);
    }
  }

  private void sessionLine(int index, char type, String value) throws SdpParseException {
    switch (type) {
      case 'v' -> throw new SdpParseException(0, "v= may appear only on the first line");
      case 'o' -> {
        if (session != null) {
          throw new SdpParseException(0, "more than one o= line");
        }
        session = new SessionDescription(Origin.parse(value));
      }
      case 's' -> {
        requireOrigin();
        if (sawSessionName) {
          throw new SdpParseException(0, "more than one s= line");
        }
        sawSessionName = true;
        session.setSessionName(value);
      }
      case 't' -> {
        requireOrigin();
        if (sawTiming) {
          throw new SdpParseException(
              0,
              "more than one t= line is not supported "
                  + "(JSEP uses a single t=0 0, RFC 8829 §5.2.1)");
        }
        sawTiming = true;
        session.setTiming(Timing.parse(value));
      }
      case 'c' -> {
        requireOrigin();
        if (sawSessionConnection) {
          throw new SdpParseException(0, "more than one session-level c= line");
        }
        sawSessionConnection = true;
        session.setConnection(Connection.parse(value));
      }
      case 'b' -> {
        requireOrigin();
        session.bandwidths().add(Bandwidth.parse(value));
      }
      case 'a' -> {
        requireOrigin();
        session.attributes().add(attribute(value));
      }
      case 'm' -> {
        requireSessionHeader(index + 1);
        startMedia(value);
      }
      default -> {
        requireOrigin();
        session.otherLines().add(new SdpLine(type, value));
      }
    }
  }

  private void mediaLine(char type, String value) throws SdpParseException {
    switch (type) {
      case 'm' -> startMedia(value);
      case 'c' -> {
        if (sawMediaConnection) {
          throw new SdpParseException(0, "more than one c= line in a media section");
        }
        sawMediaConnection = true;
        current.setConnection(Connection.parse(value));
      }
      case 'b' -> current.bandwidths().add(Bandwidth.parse(value));
      case 'i', 'k' -> current.otherLines().add(new SdpLine(type, value));
      case 'a' -> {
        Attribute a = attribute(value);
        if (a.is("mid")) {
          if (sawMediaMid) {
            throw new SdpParseException(0, "more than one a=mid in a media section");
          }
          if (!mids.add(a.value())) {
            throw new SdpParseException(
                0, "a=mid:" + a.value() + " is used by two media sections (RFC 8843 §4)");
          }
          sawMediaMid = true;
        }
        current.attributes().add(a);
      }
      default -> throw new SdpParseException(0, type + "= is not allowed in a media section");
    }
  }

  private void requireOrigin() throws SdpParseException {
    if (session == null) {
      throw new SdpParseException(0, "the o= line must come before this line");
    }
  }

  private void requireSessionHeader(int lineNumber) throws SdpParseException {
    if (session == null) {
      throw new SdpParseException(lineNumber, "missing o= line");
    }
    if (!sawSessionName) {
      throw new SdpParseException(lineNumber, "missing s= line");
    }
  }

  private void startMedia(String value) throws SdpParseException {
    String[] p = value.split(" ", -1);
    if (p.length < 4) {
      throw new SdpParseException(0, "m= needs <media> <port> <proto> <fmt>...");
    }
    if (!SdpGrammar.isToken(p[0])) {
      throw new SdpParseException(0, "bad media type: " + SdpGrammar.shorten(p[0]));
    }
    String portText = p[1];
    int portCount = 1;
    int slash = portText.indexOf('/');
    if (slash >= 0) {
      portCount = SdpGrammar.integer(portText.substring(slash + 1), 1, 65535, "m= number of ports");
      portText = portText.substring(0, slash);
    }
    int port = SdpGrammar.integer(portText, 0, 65535, "m= port");
    if (!MediaDescription.isProto(p[2])) {
      throw new SdpParseException(0, "bad m= proto: " + SdpGrammar.shorten(p[2]));
    }
    boolean rtp = MediaDescription.isRtpProto(p[2]);
    List<String> formats = new ArrayList<>(p.length - 3);
    for (int i = 3; i < p.length; i++) {
      if (rtp) {
        SdpGrammar.integer(p[i], 0, 127, "m= payload type");
      } else if (!SdpGrammar.isToken(p[i])) {
        throw new SdpParseException(0, "bad m= format: " + SdpGrammar.shorten(p[i]));
      }
      formats.add(p[i]);
    }
    current = new MediaDescription(p[0], port, p[2], formats);
    current.setPortCount(portCount);
    session.media().add(current);
    sawMediaConnection = false;
    sawMediaMid = false;
  }

  /** Parses an {@code a=} value and checks the grammar of the attributes the model types. */
  private static Attribute attribute(String text) throws SdpParseException {
    Attribute a = Attribute.parse(text);
    String v = a.value();
    switch (a.name()) {
      case "rtpmap" -> RtpMap.parse(v);
      case "fmtp" -> checkFmtp(v);
      case "rtcp-fb" -> RtcpFeedback.parse(v);
      case "extmap" -> ExtMap.parse(v);
      case "ssrc" -> SsrcAttribute.parse(v);
      case "ssrc-group" -> SsrcGroup.parse(v);
      case "msid" -> Msid.parse(v);
      case "fingerprint" -> Fingerprint.parse(v);
      case "setup" -> Setup.parse(v);
      case "group" -> Group.parse(v);
      case "candidate" -> {
        if (v != null && v.startsWith(Candidate.PREFIX)) {
          throw new SdpParseException(0, "a=candidate value starts with candidate: again");
        }
        Candidate.parse(v);
      }
      case "mid" -> {
        if (!SdpGrammar.isToken(v)) {
          throw new SdpParseException(0, "a=mid must be a token");
        }
      }
      case "ice-ufrag", "ice-pwd" -> {
        if (!SdpGrammar.isIceChars(v)) {
          throw new SdpParseException(
              0, "a=" + a.name() + " must be ICE characters " + "(RFC 8839 §5.4)");
        }
      }
      case "ice-options" -> {
        for (String option : SdpGrammar.require(v, "ice-options").split(" ", -1)) {
          if (!SdpGrammar.isToken(option)) {
            throw new SdpParseException(0, "a=ice-options must be tokens");
          }
        }
      }
      case "sctp-port" -> SdpGrammar.integer(v, 0, 65535, "a=sctp-port");
      case "max-message-size" -> SdpGrammar.decimal(v, 0, Long.MAX_VALUE, "a=max-message-size");
      default -> {
        // kept verbatim
      }
    }
    return a;
  }

  /**
   * {@code a=fmtp:<format> <parameters>} (RFC 8866 §6.15); an all-digit format is a payload type
   * and must be 0-127.
   */
  private static void checkFmtp(String v) throws SdpParseException {
    int sp = SdpGrammar.require(v, "fmtp").indexOf(' ');
    if (sp <= 0 || !SdpGrammar.isToken(v.substring(0, sp))) {
      throw new SdpParseException(0, "a=fmtp needs <format> <parameters>");
    }
    String format = v.substring(0, sp);
    if (format.chars().allMatch(c -> c >= '0' && c <= '9')) {
      SdpGrammar.integer(format, 0, 127, "fmtp payload type");
    }
  }
}
