package io.kaihui.media.testing;

import io.kaihui.media.sdp.Candidate;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import java.net.InetSocketAddress;

/**
 * What a browser takes from the server's SDP to connect: the ICE credentials (RFC 8839 §5.4),
 * whether the server is ICE-lite (§5.3), the DTLS fingerprint (RFC 8122 §5) and role
 * ({@code a=setup}, RFC 5763 §5) and the address of the first UDP host candidate (RFC 8839
 * §5.1). With BUNDLE every m-section shares them, so the first one that is not rejected is read.
 *
 * @param ufrag the server's {@code a=ice-ufrag}
 * @param password the server's {@code a=ice-pwd}: the MESSAGE-INTEGRITY key of checks
 * @param fingerprint the server's SHA-256 fingerprint, hex pairs joined by colons
 * @param address where to send checks, DTLS and media
 * @param iceLite whether the server said {@code a=ice-lite} (then the browser controls ICE
 *     even when it answers)
 * @param dtlsClient whether the server takes the DTLS client role ({@code a=setup:active}, as
 *     Janus answers), so the browser must be the DTLS server
 */
public record ServerIceParameters(String ufrag, String password, String fingerprint,
    InetSocketAddress address, boolean iceLite, boolean dtlsClient) {

  /** Parameters of an ICE-lite DTLS server, such as Kaihui's SFU. */
  public ServerIceParameters(String ufrag, String password, String fingerprint,
      InetSocketAddress address) {
    this(ufrag, password, fingerprint, address, true, false);
  }

  /**
   * Reads the parameters from the server's offer or answer.
   *
   * @param sdp the parsed description
   * @return the parameters
   * @throws IllegalArgumentException if the description lacks any of them or its fingerprint is
   *     not SHA-256
   */
  public static ServerIceParameters of(SessionDescription sdp) {
    MediaDescription first = null;
    for (MediaDescription m : sdp.media()) {
      if (!m.isRejected()) {
        first = m;
        break;
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("every m-section is rejected");
    }
    String ufrag = sdp.iceUfrag(first);
    String pwd = sdp.icePwd(first);
    Fingerprint fp = sdp.fingerprint(first);
    if (ufrag == null || pwd == null || fp == null || !fp.algorithm().equalsIgnoreCase("sha-256")) {
      throw new IllegalArgumentException("no ICE credentials or SHA-256 fingerprint in " + sdp);
    }
    for (MediaDescription m : sdp.media()) {
      for (Candidate c : m.candidates()) {
        if (c.transport().equalsIgnoreCase("udp") && c.component() == 1) {
          return new ServerIceParameters(ufrag, pwd, fp.value(),
              new InetSocketAddress(c.address(), c.port()), sdp.iceLite(),
              sdp.setup(first) == Setup.ACTIVE);
        }
      }
    }
    throw new IllegalArgumentException("no UDP candidate in the server's SDP");
  }
}
