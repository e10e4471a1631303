package io.kaihui.media;

import java.net.InetAddress;
import java.util.List;

/**
 * What our side puts into every SDP it writes for one transport.
 *
 * @param ufrag ICE username fragment (RFC 8839 §5.4), 8 characters
 * @param password ICE password, 24 characters (at least 22 required)
 * @param fingerprint SHA-256 fingerprint of our DTLS certificate (RFC 8122 §5)
 * @param addresses addresses for host candidates, most preferred first
 * @param port the UDP port of every candidate
 */
record LocalIceParameters(
    String ufrag, String password, String fingerprint, List<InetAddress> addresses, int port) {}
