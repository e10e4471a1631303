package io.kaihui.media.sdp;

/**
 * Media direction attributes (RFC 8866 §6.7, RFC 3264 §6.1): {@code a=sendrecv}, {@code
 * a=sendonly}, {@code a=recvonly}, {@code a=inactive}, seen from the side that wrote the
 * description. Also the optional direction of {@code a=extmap} (RFC 8285 §5).
 */
public enum Direction {
  /** {@code sendrecv}: the writer sends and receives; the default when none is given. */
  SENDRECV("sendrecv"),
  /** {@code sendonly}: the writer only sends. */
  SENDONLY("sendonly"),
  /** {@code recvonly}: the writer only receives. */
  RECVONLY("recvonly"),
  /** {@code inactive}: neither. */
  INACTIVE("inactive");

  private final String attributeName;

  Direction(String attributeName) {
    this.attributeName = attributeName;
  }

  /**
   * The attribute name as written in SDP.
   *
   * @return for example {@code sendonly}
   */
  public String attributeName() {
    return attributeName;
  }

  /**
   * The direction the answerer uses to match this offered one (RFC 3264 §6.1): send becomes receive
   * and the other way round.
   *
   * @return RECVONLY for SENDONLY, SENDONLY for RECVONLY, otherwise this
   */
  public Direction reverse() {
    return switch (this) {
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      default -> this;
    };
  }

  /**
   * Whether the writer of the description sends media in this direction.
   *
   * @return true for SENDRECV and SENDONLY
   */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /**
   * Whether the writer of the description receives media in this direction.
   *
   * @return true for SENDRECV and RECVONLY
   */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /**
   * Looks a direction up by its attribute name.
   *
   * @param name for example {@code recvonly} (case-sensitive)
   * @return the direction, or null if the name is no direction
   */
  public static Direction fromAttributeName(String name) {
    for (Direction d : values()) {
      if (d.attributeName.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
