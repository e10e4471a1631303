package io.kaihui.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code a=ssrc-group} attribute (RFC 5576 §4.2): SSRCs that belong together, in order, {@code
 * a=ssrc-group:FID 2001 2002} (primary then RTX, RFC 4588 §8) or {@code SIM} for simulcast layers.
 *
 * @param semantics the group semantics, for example {@code FID}, {@code FEC-FR}, {@code SIM}
 * @param ssrcs the SSRCs in the order written, each 0 to 2<sup>32</sup>-1, at least one;
 *     unmodifiable
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

  /** Semantics of a primary SSRC followed by its retransmission (RTX) SSRC. */
  public static final String FID = "FID";

  /**
   * Validates the parts and copies the list.
   *
   * @throws IllegalArgumentException if the semantics is not a token or an SSRC is out of range
   */
  public SsrcGroup {
    if (!SdpGrammar.isToken(semantics) || ssrcs.isEmpty()) {
      throw new IllegalArgumentException("bad ssrc-group " + semantics);
    }
    ssrcs = List.copyOf(ssrcs);
    for (long s : ssrcs) {
      if (s < 0 || s > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("SSRC out of range: " + s);
      }
    }
  }

  /**
   * Parses an {@code a=ssrc-group} value.
   *
   * @param text for example {@code FID 2001 2002}
   * @return the group
   * @throws SdpParseException if it is not {@code <semantics> <ssrc>...}
   */
  public static SsrcGroup parse(String text) throws SdpParseException {
    String[] p = SdpGrammar.require(text, "ssrc-group").split(" ", -1);
    if (p.length < 2 || !SdpGrammar.isToken(p[0])) {
      throw new SdpParseException(0, "a=ssrc-group needs <semantics> <ssrc>...");
    }
    List<Long> ssrcs = new ArrayList<>(p.length - 1);
    for (int i = 1; i < p.length; i++) {
      ssrcs.add(SdpGrammar.decimal(p[i], 0, 0xFFFF_FFFFL, "ssrc-group SSRC"));
    }
    return new SsrcGroup(p[0], ssrcs);
  }

  /**
   * The attribute value.
   *
   * @return for example {@code FID 2001 2002}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(semantics);
    for (long s : ssrcs) {
      sb.append(' ').append(s);
    }
    return sb.toString();
  }
}
