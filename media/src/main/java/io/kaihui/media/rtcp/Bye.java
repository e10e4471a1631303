package io.kaihui.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A goodbye, BYE (RFC 3550 §6.6): the listed sources are leaving, optionally with a reason.
 *
 * @param ssrcs the SSRCs or CSRCs leaving, at most 31
 * @param reason the reason for leaving as UTF-8 text of at most 255 bytes, or the empty string for
 *     none (an empty reason is not written; the parser gives the empty string when the packet has
 *     no reason)
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {

  /** Most sources one packet holds: the 5-bit source count. */
  public static final int MAX_SSRCS = 31;

  /**
   * Copies and checks the fields.
   *
   * @throws IllegalArgumentException when there are more than 31 SSRCs, an SSRC is out of range or
   *     the reason exceeds 255 bytes in UTF-8
   * @throws NullPointerException when {@code ssrcs}, one of its entries or {@code reason} is null
   */
  public Bye {
    ssrcs = FieldRange.checkSsrcs(ssrcs, MAX_SSRCS, "BYE");
    Objects.requireNonNull(reason, "reason");
    FieldRange.checkRange(
        reason.getBytes(StandardCharsets.UTF_8).length, 0, 255, "BYE reason length in UTF-8 bytes");
  }

  /**
   * Creates a goodbye without a reason.
   *
   * @param ssrcs the SSRCs or CSRCs leaving, at most 31
   * @throws IllegalArgumentException when there are more than 31 SSRCs or one is out of range
   */
  public Bye(List<Long> ssrcs) {
    this(ssrcs, "");
  }

  /** {@inheritDoc} Always {@link #TYPE_BYE}. */
  @Override
  public int packetType() {
    return TYPE_BYE;
  }

  /** {@inheritDoc} 4 bytes, 4 per SSRC, and the reason with its length octet padded to 4. */
  @Override
  public int size() {
    int reasonBytes = reason.getBytes(StandardCharsets.UTF_8).length;
    int reasonSize = reason.isEmpty() ? 0 : (1 + reasonBytes + 3) / 4 * 4;
    return 4 + 4 * ssrcs.size() + reasonSize;
  }
}
