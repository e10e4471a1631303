/**
 * The DTLS 1.2 server of a WebRTC transport (RFC 6347) with the {@code use_srtp} extension
 * (RFC 5764), authenticated by certificate fingerprints exchanged in SDP (RFC 5763, RFC 8122,
 * RFC 8827), on Bouncy Castle's {@code bctls}. Kaihui always takes the DTLS server role: it
 * answers {@code a=setup:passive}, or offers {@code actpass} and the browser answers
 * {@code active}.
 *
 * <p>{@link io.kaihui.media.dtls.DtlsCertificate} is the server's self-signed certificate and
 * SDP fingerprint; {@link io.kaihui.media.dtls.DtlsServerTransport} runs one handshake and hands
 * the SRTP keys ({@link io.kaihui.media.srtp.SrtpKeys}) to its listener.
 */
package io.kaihui.media.dtls;
