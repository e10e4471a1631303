package io.kaihui.media.sdp;

/**
 * The {@code a=rtcp-fb} attribute (RFC 4585 §4.2): an RTCP feedback message the writer understands
 * for a payload type, {@code a=rtcp-fb:96 nack pli}.
 *
 * @param payloadType the RTP payload type 0 to 127, or {@link #ALL_PAYLOAD_TYPES} for {@code *}
 * @param type the feedback type, for example {@code nack}, {@code ccm}, {@code transport-cc},
 *     {@code goog-remb}
 * @param parameter the rest after the type, for example {@code pli} or {@code fir}, or null
 */
public record RtcpFeedback(int payloadType, String type, String parameter) {

  /** The payload type value that stands for {@code *}, all payload types. */
  public static final int ALL_PAYLOAD_TYPES = -1;

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is out of range or malformed
   */
  public RtcpFeedback {
    if (payloadType < -1
        || payloadType > 127
        || !SdpGrammar.isToken(type)
        || (parameter != null && (parameter.isEmpty() || !SdpGrammar.isLineText(parameter)))) {
      throw new IllegalArgumentException("bad rtcp-fb " + payloadType + " " + type);
    }
  }

  /**
   * Parses an {@code a=rtcp-fb} value.
   *
   * @param text for example {@code 96 nack pli} or {@code * transport-cc}
   * @return the feedback entry
   * @throws SdpParseException if it is not {@code <pt|*> <type>[ <parameter>]}
   */
  public static RtcpFeedback parse(String text) throws SdpParseException {
    SdpGrammar.require(text, "rtcp-fb");
    int sp = text.indexOf(' ');
    if (sp < 0) {
      throw new SdpParseException(0, "a=rtcp-fb needs <pt> <type>");
    }
    String ptText = text.substring(0, sp);
    int pt =
        "*".equals(ptText)
            ? ALL_PAYLOAD_TYPES
            : SdpGrammar.integer(ptText, 0, 127, "rtcp-fb payload type");
    String rest = text.substring(sp + 1);
    int sp2 = rest.indexOf(' ');
    String type = sp2 < 0 ? rest : rest.substring(0, sp2);
    String parameter = sp2 < 0 ? null : rest.substring(sp2 + 1);
    if (!SdpGrammar.isToken(type) || (parameter != null && parameter.isEmpty())) {
      throw new SdpParseException(0, "bad a=rtcp-fb: " + SdpGrammar.shorten(text));
    }
    return new RtcpFeedback(pt, type, parameter);
  }

  /**
   * Whether this entry applies to a payload type: its own or {@code *}.
   *
   * @param pt the RTP payload type
   * @return true if it applies
   */
  public boolean appliesTo(int pt) {
    return payloadType == ALL_PAYLOAD_TYPES || payloadType == pt;
  }

  /**
   * The attribute value.
   *
   * @return for example {@code 96 nack pli}
   */
  @Override
  public String toString() {
    return (payloadType == ALL_PAYLOAD_TYPES ? "*" : Integer.toString(payloadType))
        + " "
        + type
        + (parameter == null ? "" : " " + parameter);
  }
}
