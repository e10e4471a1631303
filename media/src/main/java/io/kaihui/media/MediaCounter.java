package io.kaihui.media;

/** The things a {@link MediaEngine} counts; read them with {@link MediaEngine#counter}. */
public enum MediaCounter {
  /** UDP datagrams received on the media port. */
  DATAGRAMS_RECEIVED,
  /** UDP datagrams sent from the media port. */
  DATAGRAMS_SENT,
  /** Datagrams larger than the receive buffer, dropped. */
  DATAGRAMS_OVERSIZED,
  /** Datagrams whose first byte matches no protocol of RFC 7983, dropped. */
  UNKNOWN_PROTOCOL_DROPPED,
  /** DTLS, RTP or RTCP from an address no STUN check has bound to a transport, dropped. */
  UNKNOWN_SOURCE_DROPPED,
  /** STUN Binding Requests answered with success. */
  STUN_REQUESTS,
  /** STUN datagrams that did not parse, dropped. */
  STUN_MALFORMED,
  /** STUN requests with an unknown ufrag, a bad MESSAGE-INTEGRITY or FINGERPRINT, rejected. */
  STUN_REJECTED,
  /** DTLS records handed to a transport's DTLS server. */
  DTLS_RECORDS,
  /** RTP packets that decrypted and authenticated. */
  RTP_RECEIVED,
  /** RTP or RTCP packets that failed SRTP/SRTCP authentication or arrived before keys. */
  SRTP_FAILED,
  /** RTP packets that were not valid RTP after decryption, or of an unknown SSRC/payload type. */
  RTP_DROPPED,
  /** RTP packets sent to consumers. */
  RTP_FORWARDED,
  /** RTCP compound packets received and decrypted. */
  RTCP_RECEIVED,
  /** RTCP compound packets that did not parse, dropped. */
  RTCP_MALFORMED,
  /** RTCP packets sent (reports and feedback). */
  RTCP_SENT,
  /**
   * Transport-wide congestion control feedback packets sent to publishers
   * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1); each is also an RTCP_SENT.
   */
  TRANSPORT_CC_FEEDBACK_SENT,
  /** Keyframe requests (PLI) sent to publishers. */
  KEYFRAME_REQUESTS_SENT,
  /** Keyframe requests not sent because one was sent to that producer very recently. */
  KEYFRAME_REQUESTS_THROTTLED,
  /** Transports closed because consent expired (RFC 7675). */
  CONSENT_EXPIRED,
  /** Datagrams whose handling threw (a bug); the socket and every other transport go on. */
  INTERNAL_ERRORS
}
