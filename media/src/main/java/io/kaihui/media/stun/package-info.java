/**
 * STUN (RFC 8489) as an ICE-lite server needs it (RFC 8445 §2.5, §7.3): parsing and validating
 * Binding Requests with {@link io.kaihui.media.stun.StunMessage}, answering them with
 * {@link io.kaihui.media.stun.StunMessageBuilder}, MESSAGE-INTEGRITY with short-term credentials
 * and FINGERPRINT. The builder also makes Chromium-like Binding Requests for tests and the load
 * generator. Nothing here logs; malformed input becomes a
 * {@link io.kaihui.media.stun.StunParseException}.
 */
package io.kaihui.media.stun;
