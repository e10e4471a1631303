/**
 * SRTP and SRTCP (RFC 3711; AES-GCM by RFC 7714) for one WebRTC transport, on top of
 * {@code org.jitsi:jitsi-srtp}. The keys come from the DTLS-SRTP handshake (RFC 5764 §4.2) in
 * {@link io.kaihui.media.dtls}; an {@link io.kaihui.media.srtp.SrtpSession} then protects and
 * unprotects packets in place, without allocating per packet.
 */
package io.kaihui.media.srtp;
