/**
 * Kaihui's media engine, a WebRTC selective forwarding unit (SFU). It knows nothing of HTTP,
 * accounts or databases.
 *
 * <p>Vocabulary as in mediasoup: a {@link io.kaihui.media.MediaEngine} owns one UDP socket for
 * all transports; a {@link io.kaihui.media.Router} is one meeting's forwarding table; a
 * {@link io.kaihui.media.WebRtcTransport} is one browser PeerConnection (ICE-lite, DTLS, SRTP);
 * a {@link io.kaihui.media.Producer} is one incoming track; a {@link io.kaihui.media.Consumer}
 * is one outgoing copy of a producer to one transport, with its own SSRC, sequence numbers and
 * timestamps.
 *
 * <p>Threading: all routers and transports of an engine run on the engine's event loop, so their
 * state is touched by one thread. Public methods that change state may be called from any thread:
 * they hop to the loop and return a {@link java.util.concurrent.CompletableFuture}.
 */
package io.kaihui.media;
