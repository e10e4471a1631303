package io.kaihui.media.sdp;

import java.util.Arrays;
import java.util.List;

/**
 * The session-level {@code a=group} attribute (RFC 5888 §5): media sections, named by their {@code
 * a=mid}, that belong together, {@code a=group:BUNDLE 0 1} (RFC 8843 §7.1).
 *
 * @param semantics the semantics, for example {@code BUNDLE}
 * @param mids the identification tags in order; may be empty; unmodifiable
 */
public record Group(String semantics, List<String> mids) {

  /** BUNDLE semantics (RFC 8843): the grouped media sections share one transport. */
  public static final String BUNDLE = "BUNDLE";

  /**
   * Validates the parts and copies the list.
   *
   * @throws IllegalArgumentException if the semantics or a mid is not an SDP token
   */
  public Group {
    if (!SdpGrammar.isToken(semantics)) {
      throw new IllegalArgumentException("bad group semantics " + semantics);
    }
    mids = List.copyOf(mids);
    for (String mid : mids) {
      if (!SdpGrammar.isToken(mid)) {
        throw new IllegalArgumentException("bad mid " + mid);
      }
    }
  }

  /**
   * Parses an {@code a=group} value.
   *
   * @param text for example {@code BUNDLE 0 1}
   * @return the group
   * @throws SdpParseException if it is not {@code <semantics> *(SP <mid>)}
   */
  public static Group parse(String text) throws SdpParseException {
    String[] p = SdpGrammar.require(text, "group").split(" ", -1);
    for (String part : p) {
      if (!SdpGrammar.isToken(part)) {
        throw new SdpParseException(0, "bad a=group: " + SdpGrammar.shorten(text));
      }
    }
    return new Group(p[0], Arrays.asList(p).subList(1, p.length));
  }

  /**
   * The attribute value.
   *
   * @return for example {@code BUNDLE 0 1}
   */
  @Override
  public String toString() {
    return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
  }
}
