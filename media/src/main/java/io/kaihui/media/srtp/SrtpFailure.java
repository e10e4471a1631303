package io.kaihui.media.srtp;

/** Why an {@link SrtpSession} refused to protect or unprotect a packet; each kind is counted. */
public enum SrtpFailure {
  /** Not an RTP/RTCP packet of version 2, or shorter than its header (and tag) say. */
  INVALID_PACKET,
  /** The buffer has fewer spare bytes after the packet than the profile appends. */
  INSUFFICIENT_HEADROOM,
  /** The authentication tag did not verify (RFC 3711 §3.3 step 5, RFC 7714 §8.2). */
  AUTHENTICATION,
  /** Already received, or older than the 64-packet replay window (RFC 3711 §3.3.2). */
  REPLAY,
  /** A new SSRC would exceed {@link SrtpSession#MAX_SSRCS} contexts in one direction. */
  SSRC_LIMIT,
  /** The cipher failed or could not be created (no such algorithm, provider error). */
  CIPHER
}
