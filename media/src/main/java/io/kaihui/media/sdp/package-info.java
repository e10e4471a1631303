/**
 * WebRTC session descriptions: a small mutable SDP model with a strict parser and a canonical
 * writer, enough for an SFU to read browser offers and answers and to write its own.
 *
 * <p>Standards: SDP (RFC 8866), JSEP (RFC 8829), BUNDLE (RFC 8843), ICE attributes (RFC 8839), DTLS
 * fingerprint and setup (RFC 8122, RFC 4145, RFC 8842), header extensions (RFC 8285), RTCP feedback
 * (RFC 4585), source-specific attributes (RFC 5576), msid (RFC 8830).
 *
 * <p>Entry points: {@link io.kaihui.media.sdp.SessionDescription#parse(String)} for text from the
 * network (throws only {@link io.kaihui.media.sdp.SdpParseException}, with the line number), {@link
 * io.kaihui.media.sdp.SessionDescription} and {@link io.kaihui.media.sdp.MediaDescription} for
 * reading and building, {@code toString()} for writing (CRLF line ends, RFC 8866 §5 line order).
 * Attributes are kept as an ordered list of {@link io.kaihui.media.sdp.Attribute}; typed accessors
 * parse from and write through it, so attributes this package does not know survive a round trip.
 * Typed values are records ({@link io.kaihui.media.sdp.RtpMap}, {@link
 * io.kaihui.media.sdp.Candidate}, ...) each with a {@code parse} method for its attribute value and
 * a {@code toString()} that writes it.
 *
 * <p>Session-level fallbacks: a {@link io.kaihui.media.sdp.MediaDescription} does not know its
 * parent; {@link io.kaihui.media.sdp.SessionDescription#iceUfrag(MediaDescription)} and its
 * siblings resolve values that Firefox writes at session level. Nothing here is thread-safe, and
 * nothing is on the per-packet path.
 */
package io.kaihui.media.sdp;
