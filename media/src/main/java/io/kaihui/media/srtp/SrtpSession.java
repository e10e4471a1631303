package io.kaihui.media.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;

/**
 * SRTP and SRTCP for one transport, both directions (RFC 3711; AES-GCM by RFC 7714), through
 * jitsi-srtp. Packets are protected and unprotected in place in the caller's array.
 *
 * <p>One {@link SrtpContextFactory} holds the local master key (what this side sends) and one the
 * remote master key (what the peer sends). Each SSRC gets its own crypto context — the rollover
 * counter and replay window of RFC 3711 §3.2 are per SSRC — derived at its first packet and kept
 * for the session's life; RTCP contexts are keyed by the sender SSRC of the compound packet
 * (RFC 3711 §3.4). An inbound context is kept only once a packet authenticated under it, so
 * forged packets with invented SSRCs cost CPU but no memory. At most {@link #MAX_SSRCS}
 * contexts per direction and kind.
 *
 * <p>Headroom: the caller leaves spare bytes after the packet in the array —
 * {@link SrtpProfile#rtpOverhead()} for RTP (16 with GCM, 10 with HMAC-SHA1-80) and
 * {@link SrtpProfile#rtcpOverhead()} for RTCP (20 with GCM, 14 with HMAC-SHA1-80), at most
 * {@link #maxOverhead()}. Unprotecting needs no headroom.
 *
 * <p>Per packet nothing is allocated and nothing logged (jitsi-srtp's per-packet logging is
 * dropped by the logger it is given); refusals return -1 and are counted by
 * {@link SrtpFailure}. Send-side replay checking is off, as in jitsi-videobridge, so a packet may
 * be protected again for a plain retransmission (same SSRC, same sequence number, same payload).
 *
 * <p>Not thread-safe: every method runs on the transport's event loop. The failure counters may
 * be read from any thread.
 */
public final class SrtpSession implements AutoCloseable {

  /** The most crypto contexts kept per direction and per RTP or RTCP. */
  public static final int MAX_SSRCS = 1024;

  private static final int RTP_HEADER_LENGTH = 12;
  private static final int RTCP_HEADER_LENGTH = 8;
  private static final int MAX_OVERHEAD = largestOverhead();

  private final SrtpProfile profile;
  private final SrtpContextFactory outbound;
  private final SrtpContextFactory inbound;
  private final SsrcMap<SrtpCryptoContext> outboundRtp = new SsrcMap<>();
  private final SsrcMap<SrtpCryptoContext> inboundRtp = new SsrcMap<>();
  private final SsrcMap<SrtcpCryptoContext> outboundRtcp = new SsrcMap<>();
  private final SsrcMap<SrtcpCryptoContext> inboundRtcp = new SsrcMap<>();
  private final SrtpPacketBuffer packet = new SrtpPacketBuffer();
  private final AtomicLongArray failures = new AtomicLongArray(SrtpFailure.values().length);
  private boolean closed;

  /**
   * Creates the session; contexts are derived later, at each SSRC's first packet.
   *
   * @param keys the transport's keys; local protects, remote unprotects
   * @throws NullPointerException if {@code keys} is null
   */
  public SrtpSession(SrtpKeys keys) {
    Objects.requireNonNull(keys, "keys");
    this.profile = keys.profile();
    SrtpPolicy rtpPolicy = policy(profile);
    SrtpPolicy rtcpPolicy = policy(profile);
    // The SFU may protect the same packet twice (a retransmission without RTX), RFC 4588 §1.
    rtpPolicy.setSendReplayEnabled(false);
    byte[] localKey = keys.localKey();
    byte[] localSalt = keys.localSalt();
    byte[] remoteKey = keys.remoteKey();
    byte[] remoteSalt = keys.remoteSalt();
    this.outbound = new SrtpContextFactory(
        true, localKey, localSalt, rtpPolicy, rtcpPolicy, JitsiSrtpLogger.INSTANCE);
    this.inbound = new SrtpContextFactory(
        false, remoteKey, remoteSalt, rtpPolicy, rtcpPolicy, JitsiSrtpLogger.INSTANCE);
    // The factories keep their own copies.
    Arrays.fill(localKey, (byte) 0);
    Arrays.fill(localSalt, (byte) 0);
    Arrays.fill(remoteKey, (byte) 0);
    Arrays.fill(remoteSalt, (byte) 0);
  }

  /**
   * Makes jitsi-srtp load OpenSSL and pick its AES implementations now, by protecting and
   * unprotecting one RTP and one RTCP packet under throwaway keys of every profile. jitsi-srtp
   * does that at its first use and benchmarks its ciphers there, which takes a second or more
   * and blocks every thread that touches it meanwhile; on an engine's event loop that would stall
   * all media (and look like a queue building up to the publishers' congestion control). Calls
   * after the first are cheap.
   *
   * @return whether every packet came back intact (false means SRTP is broken here)
   */
  public static boolean warmUp() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    boolean intact = true;
    for (SrtpProfile profile : SrtpProfile.values()) {
      byte[] material = new byte[profile.keyingMaterialLength()];
      random.nextBytes(material);
      SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, material, true);
      try (SrtpSession sender = new SrtpSession(keys);
          SrtpSession receiver = new SrtpSession(keys.mirror())) {
        byte[] rtp = new byte[RTP_HEADER_LENGTH + 20 + MAX_OVERHEAD];
        rtp[0] = (byte) 0x80;
        rtp[1] = 96;
        rtp[RTP_HEADER_LENGTH] = 42;
        int n = sender.protectRtp(rtp, 0, RTP_HEADER_LENGTH + 20);
        intact &= n > 0 && receiver.unprotectRtp(rtp, 0, n) == RTP_HEADER_LENGTH + 20
            && rtp[RTP_HEADER_LENGTH] == 42;
        byte[] rtcp = new byte[RTCP_HEADER_LENGTH + MAX_OVERHEAD];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 201;
        rtcp[3] = 1;
        n = sender.protectRtcp(rtcp, 0, RTCP_HEADER_LENGTH);
        intact &= n > 0 && receiver.unprotectRtcp(rtcp, 0, n) == RTCP_HEADER_LENGTH;
      }
    }
    return intact;
  }

  /**
   * The largest number of bytes any supported profile appends to a packet (RTP or RTCP): the
   * headroom a caller that does not know the profile leaves after each packet. 20 bytes today
   * (SRTCP with AES-GCM: 16-byte tag and 4-byte index).
   */
  public static int maxOverhead() {
    return MAX_OVERHEAD;
  }

  /** The negotiated profile. */
  public SrtpProfile profile() {
    return profile;
  }

  /**
   * Encrypts and authenticates one RTP packet in place (RFC 3711 §3.3; RFC 7714 §8.1): the
   * payload is encrypted and the authentication tag appended.
   *
   * @param buf the array holding the RTP packet, with {@link SrtpProfile#rtpOverhead()} spare
   *     bytes after it
   * @param off where the packet starts
   * @param len the RTP packet's length in bytes
   * @return the SRTP packet's length (from {@code off}), or -1 if refused (counted)
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code buf}
   */
  public int protectRtp(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (closed) {
      return -1;
    }
    if (rtpHeaderLength(buf, off, len) < 0) {
      return fail(SrtpFailure.INVALID_PACKET);
    }
    if (buf.length - off - len < profile.rtpOverhead()) {
      return fail(SrtpFailure.INSUFFICIENT_HEADROOM);
    }
    int ssrc = readInt(buf, off + 8);
    SrtpCryptoContext context = outboundRtp.get(ssrc);
    try {
      if (context == null) {
        if (outboundRtp.size() >= MAX_SSRCS) {
          return fail(SrtpFailure.SSRC_LIMIT);
        }
        context = outbound.deriveContext(ssrc, 0);
        outboundRtp.put(ssrc, context);
      }
      packet.wrap(buf, off, len);
      return finish(context.transformPacket(packet), off);
    } catch (GeneralSecurityException | RuntimeException e) {
      return fail(SrtpFailure.CIPHER);
    } finally {
      packet.release();
    }
  }

  /**
   * Authenticates, replay-checks and decrypts one SRTP packet in place (RFC 3711 §3.3; RFC 7714
   * §8.2); the tag is removed.
   *
   * @param buf the array holding the SRTP packet
   * @param off where the packet starts
   * @param len the SRTP packet's length in bytes
   * @return the RTP packet's length (from {@code off}), or -1 if refused (counted): malformed,
   *     unauthentic or replayed
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code buf}
   */
  public int unprotectRtp(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (closed) {
      return -1;
    }
    if (len < RTP_HEADER_LENGTH + profile.authTagLength() || (buf[off] & 0xC0) != 0x80) {
      return fail(SrtpFailure.INVALID_PACKET);
    }
    int ssrc = readInt(buf, off + 8);
    SrtpCryptoContext context = inboundRtp.get(ssrc);
    boolean fresh = context == null;
    try {
      if (fresh) {
        if (inboundRtp.size() >= MAX_SSRCS) {
          return fail(SrtpFailure.SSRC_LIMIT);
        }
        context = inbound.deriveContext(ssrc, 0);
      }
      packet.wrap(buf, off, len);
      int n = finish(context.reverseTransformPacket(packet, false), off);
      if (n >= 0 && fresh) {
        inboundRtp.put(ssrc, context);
      }
      return n;
    } catch (GeneralSecurityException | RuntimeException e) {
      return fail(SrtpFailure.CIPHER);
    } finally {
      packet.release();
    }
  }

  /**
   * Encrypts and authenticates one (compound) RTCP packet in place (RFC 3711 §3.4; RFC 7714
   * §9): the E flag, the 31-bit SRTCP index and the tag are appended.
   *
   * @param buf the array holding the RTCP packet, with {@link SrtpProfile#rtcpOverhead()} spare
   *     bytes after it
   * @param off where the packet starts
   * @param len the RTCP packet's length in bytes
   * @return the SRTCP packet's length (from {@code off}), or -1 if refused (counted)
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code buf}
   */
  public int protectRtcp(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (closed) {
      return -1;
    }
    if (len < RTCP_HEADER_LENGTH || (buf[off] & 0xC0) != 0x80) {
      return fail(SrtpFailure.INVALID_PACKET);
    }
    if (buf.length - off - len < profile.rtcpOverhead()) {
      return fail(SrtpFailure.INSUFFICIENT_HEADROOM);
    }
    int ssrc = readInt(buf, off + 4);
    SrtcpCryptoContext context = outboundRtcp.get(ssrc);
    try {
      if (context == null) {
        if (outboundRtcp.size() >= MAX_SSRCS) {
          return fail(SrtpFailure.SSRC_LIMIT);
        }
        context = outbound.deriveControlContext(ssrc);
        outboundRtcp.put(ssrc, context);
      }
      packet.wrap(buf, off, len);
      return finish(context.transformPacket(packet), off);
    } catch (GeneralSecurityException | RuntimeException e) {
      return fail(SrtpFailure.CIPHER);
    } finally {
      packet.release();
    }
  }

  /**
   * Authenticates, replay-checks (by SRTCP index) and, if its E flag is set, decrypts one SRTCP
   * packet in place (RFC 3711 §3.4; RFC 7714 §9); index and tag are removed.
   *
   * @param buf the array holding the SRTCP packet
   * @param off where the packet starts
   * @param len the SRTCP packet's length in bytes
   * @return the RTCP packet's length (from {@code off}), or -1 if refused (counted)
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code buf}
   */
  public int unprotectRtcp(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (closed) {
      return -1;
    }
    if (len < RTCP_HEADER_LENGTH + profile.rtcpOverhead() || (buf[off] & 0xC0) != 0x80) {
      return fail(SrtpFailure.INVALID_PACKET);
    }
    int ssrc = readInt(buf, off + 4);
    SrtcpCryptoContext context = inboundRtcp.get(ssrc);
    boolean fresh = context == null;
    try {
      if (fresh) {
        if (inboundRtcp.size() >= MAX_SSRCS) {
          return fail(SrtpFailure.SSRC_LIMIT);
        }
        context = inbound.deriveControlContext(ssrc);
      }
      packet.wrap(buf, off, len);
      int n = finish(context.reverseTransformPacket(packet), off);
      if (n >= 0 && fresh) {
        inboundRtcp.put(ssrc, context);
      }
      return n;
    } catch (GeneralSecurityException | RuntimeException e) {
      return fail(SrtpFailure.CIPHER);
    } finally {
      packet.release();
    }
  }

  /**
   * How many packets were refused for the given reason since the session began.
   *
   * @param kind the reason
   * @return the count; may be read from any thread
   */
  public long failures(SrtpFailure kind) {
    return failures.get(kind.ordinal());
  }

  /**
   * Forgets all contexts and wipes the master keys; afterwards every method returns -1 (not
   * counted). Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    outboundRtp.clear(c -> { });
    inboundRtp.clear(c -> { });
    outboundRtcp.clear(c -> { });
    inboundRtcp.clear(c -> { });
    outbound.close();
    inbound.close();
  }

  /** The new length if jitsi-srtp accepted the packet and left it at {@code off}, else -1. */
  private int finish(SrtpErrorStatus status, int off) {
    if (status != SrtpErrorStatus.OK) {
      return fail(switch (status) {
        case AUTH_FAIL -> SrtpFailure.AUTHENTICATION;
        case REPLAY_FAIL, REPLAY_OLD -> SrtpFailure.REPLAY;
        case INVALID_PACKET -> SrtpFailure.INVALID_PACKET;
        default -> SrtpFailure.CIPHER;
      });
    }
    if (packet.getOffset() != off) {
      return fail(SrtpFailure.CIPHER);
    }
    return packet.getLength();
  }

  private int fail(SrtpFailure kind) {
    failures.incrementAndGet(kind.ordinal());
    return -1;
  }

  /**
   * The length of the RTP header with CSRCs and extension (RFC 3550 §5.1, §5.3.1), or -1 if the
   * packet is not version 2 or is shorter than its header.
   */
  private static int rtpHeaderLength(byte[] buf, int off, int len) {
    if (len < RTP_HEADER_LENGTH || (buf[off] & 0xC0) != 0x80) {
      return -1;
    }
    int header = RTP_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
    if ((buf[off] & 0x10) != 0) {
      if (header + 4 > len) {
        return -1;
      }
      int words = ((buf[off + header + 2] & 0xFF) << 8) | (buf[off + header + 3] & 0xFF);
      header += 4 + 4 * words;
    }
    return header <= len ? header : -1;
  }

  private static int readInt(byte[] buf, int off) {
    return ((buf[off] & 0xFF) << 24)
        | ((buf[off + 1] & 0xFF) << 16)
        | ((buf[off + 2] & 0xFF) << 8)
        | (buf[off + 3] & 0xFF);
  }

  /**
   * The jitsi-srtp policy of a profile (RFC 5764 §4.1.2, RFC 7714 §14.2): GCM authenticates by
   * itself; AES-CM pairs with HMAC-SHA1 under a 160-bit session authentication key.
   */
  private static SrtpPolicy policy(SrtpProfile profile) {
    return switch (profile) {
      case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
          SrtpPolicy.NULL_AUTHENTICATION, 0, profile.authTagLength(), profile.saltLength());
      case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION,
          profile.keyLength(), SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, profile.authTagLength(),
          profile.saltLength());
    };
  }

  private static int largestOverhead() {
    int max = 0;
    for (SrtpProfile p : SrtpProfile.values()) {
      max = Math.max(max, Math.max(p.rtpOverhead(), p.rtcpOverhead()));
    }
    return max;
  }
}
