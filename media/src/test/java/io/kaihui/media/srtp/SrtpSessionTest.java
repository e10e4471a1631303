package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {

  private static final HexFormat HEX = HexFormat.of();

  // RFC 3711 Appendix B.3: master key and salt, and the session keys derived from them.
  private static final byte[] B3_MASTER_KEY = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
  private static final byte[] B3_MASTER_SALT = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");
  private static final byte[] B3_CIPHER_KEY = HEX.parseHex("C61E7A93744F39EE10734AFE3FF7A087");
  private static final byte[] B3_CIPHER_SALT = HEX.parseHex("30CBBC08863D8C85D49DB34A9AE1");
  private static final byte[] B3_AUTH_KEY =
      HEX.parseHex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");

  private static final int SPARE = 64;

  @Test
  void referenceKeystreamMatchesRfc3711AppendixB2() throws Exception {
    // Validates the test's own AES-CM against RFC 3711 B.2 before it judges jitsi-srtp.
    byte[] key = HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    byte[] iv = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
    byte[] keystream = aesCtr(key, iv, new byte[0xFF02 * 16]);

    assertThat(HEX.formatHex(keystream, 0, 48)).isEqualToIgnoringCase(
        "E03EAD0935C95E80E166B16DD92B4EB4"
            + "D23513162B02D0F72A43A2FE4A5F97AB"
            + "41E95B3BB0A2E8DD477901E4FCA894C0");
    assertThat(HEX.formatHex(keystream, 0xFEFF * 16, 0xFF02 * 16)).isEqualToIgnoringCase(
        "EC8CDF7398607CB0F2D21675EA9EA1E4"
            + "362B7C3C6773516318A077D7FC5073AE"
            + "6A2CC3787889374FBEB4C81B17BA6C44");
  }

  @Test
  void protectRtpMatchesKeysDerivedAsInRfc3711AppendixB3() throws Exception {
    SrtpSession session = new SrtpSession(new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80,
        B3_MASTER_KEY, B3_MASTER_SALT, new byte[16], new byte[14]));
    Random random = new Random(3711);
    for (int seq : new int[] {0, 1, 4660, 30000}) {
      byte[] rtp = rtpPacket(random, 0xCAFEBABE, seq, 0, false, 160);
      byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);

      int n = session.protectRtp(buf, 0, rtp.length);

      assertThat(n).isEqualTo(rtp.length + 10);
      assertThat(Arrays.copyOf(buf, n))
          .isEqualTo(referenceSrtp(rtp, B3_CIPHER_KEY, B3_CIPHER_SALT, B3_AUTH_KEY, 0));
    }
  }

  @Test
  void protectRtcpMatchesRfc3711Section34WithKeysByTheAppendixB3Kdf() throws Exception {
    // SRTCP session keys by the AES-CM PRF of RFC 3711 §4.3.3 (labels 3, 4, 5), which the
    // first assertion checks against the B.3 RTP values.
    assertThat(referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x00, 16)).isEqualTo(B3_CIPHER_KEY);
    assertThat(referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x02, 14)).isEqualTo(B3_CIPHER_SALT);
    assertThat(referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x01, 20)).isEqualTo(B3_AUTH_KEY);
    byte[] rtcpKey = referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x03, 16);
    byte[] rtcpAuth = referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x04, 20);
    byte[] rtcpSalt = referenceKdf(B3_MASTER_KEY, B3_MASTER_SALT, 0x05, 14);
    SrtpSession session = new SrtpSession(new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80,
        B3_MASTER_KEY, B3_MASTER_SALT, new byte[16], new byte[14]));
    Random random = new Random(34);

    for (int index = 0; index < 3; index++) {
      byte[] rtcp = rtcpPacket(random, 0x12345678, 6);
      byte[] buf = Arrays.copyOf(rtcp, rtcp.length + SPARE);

      int n = session.protectRtcp(buf, 0, rtcp.length);

      assertThat(n).isEqualTo(rtcp.length + 14);
      assertThat(Arrays.copyOf(buf, n))
          .isEqualTo(referenceSrtcp(rtcp, rtcpKey, rtcpSalt, rtcpAuth, index));
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpRoundTripsForManySizesSsrcsAndHeaders(SrtpProfile profile) {
    SrtpKeys keys = randomKeys(profile, new Random(1));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(2);
    int[] ssrcs = {0, 1, -1, 0x7FFFFFFF, 0x80000000, random.nextInt(), random.nextInt()};
    int[] seqs = new int[ssrcs.length];

    for (int i = 0; i < 3000; i++) {
      int s = random.nextInt(ssrcs.length);
      int payload = random.nextInt(1201);
      int csrcs = random.nextInt(4);
      byte[] rtp = rtpPacket(random, ssrcs[s], seqs[s]++ & 0xFFFF, csrcs,
          random.nextBoolean(), payload);
      int off = random.nextInt(8);
      byte[] buf = new byte[off + rtp.length + profile.rtpOverhead() + random.nextInt(3)];
      System.arraycopy(rtp, 0, buf, off, rtp.length);

      int n = sender.protectRtp(buf, off, rtp.length);
      assertThat(n).isEqualTo(rtp.length + profile.rtpOverhead());
      if (payload >= 16) {
        assertThat(Arrays.copyOfRange(buf, off, off + rtp.length)).isNotEqualTo(rtp);
      }
      int m = receiver.unprotectRtp(buf, off, n);

      assertThat(m).isEqualTo(rtp.length);
      assertThat(Arrays.copyOfRange(buf, off, off + m)).isEqualTo(rtp);
    }
    for (SrtpFailure kind : SrtpFailure.values()) {
      assertThat(sender.failures(kind)).as(kind.name()).isZero();
      assertThat(receiver.failures(kind)).as(kind.name()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpRoundTripsForManySizesAndSsrcs(SrtpProfile profile) {
    SrtpKeys keys = randomKeys(profile, new Random(3));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(4);

    int[] indexes = new int[8];

    for (int i = 0; i < 2000; i++) {
      int s = random.nextInt(indexes.length);
      byte[] rtcp = rtcpPacket(random, s * 0x01010101, random.nextInt(60));
      byte[] buf = Arrays.copyOf(rtcp, rtcp.length + profile.rtcpOverhead());

      int n = sender.protectRtcp(buf, 0, rtcp.length);
      assertThat(n).isEqualTo(rtcp.length + profile.rtcpOverhead());
      // E flag set before the 31-bit index: before the tag by RFC 3711 §3.4, after it by
      // RFC 7714 §9.
      int indexAt = profile == SrtpProfile.AEAD_AES_128_GCM ? n - 4 : n - 14;
      assertThat(readInt(buf, indexAt)).isEqualTo(0x80000000 | indexes[s]++);
      int m = receiver.unprotectRtcp(buf, 0, n);

      assertThat(m).isEqualTo(rtcp.length);
      assertThat(Arrays.copyOf(buf, m)).isEqualTo(rtcp);
    }
  }

  @Test
  void rtpRoundTripsAcrossSequenceNumberRollover() {
    SrtpKeys keys = randomKeys(SrtpProfile.AEAD_AES_128_GCM, new Random(5));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(6);

    for (int i = 0; i < 40; i++) {
      byte[] rtp = rtpPacket(random, 42, (65520 + i) & 0xFFFF, 0, false, 50);
      byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
      int n = sender.protectRtp(buf, 0, rtp.length);
      assertThat(receiver.unprotectRtp(buf, 0, n)).as("packet %d", i).isEqualTo(rtp.length);
      assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void tamperedPacketsAreRejected(SrtpProfile profile) {
    SrtpKeys keys = randomKeys(profile, new Random(7));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(8);
    int rejected = 0;

    for (int i = 0; i < 500; i++) {
      byte[] rtp = rtpPacket(random, 77, i, 0, false, 100);
      byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
      int n = sender.protectRtp(buf, 0, rtp.length);
      // Any bit but the version bits (those fail as INVALID_PACKET instead).
      int bit = 2 + random.nextInt(n * 8 - 2);
      buf[bit / 8] ^= (byte) (0x80 >>> (bit % 8));

      assertThat(receiver.unprotectRtp(buf, 0, n)).isEqualTo(-1);
      rejected++;
    }
    assertThat(receiver.failures(SrtpFailure.AUTHENTICATION)
        + receiver.failures(SrtpFailure.INVALID_PACKET)).isEqualTo(rejected);
    assertThat(receiver.failures(SrtpFailure.AUTHENTICATION)).isPositive();

    byte[] rtcp = rtcpPacket(random, 5, 10);
    byte[] buf = Arrays.copyOf(rtcp, rtcp.length + SPARE);
    int n = sender.protectRtcp(buf, 0, rtcp.length);
    buf[12] ^= 1;
    assertThat(receiver.unprotectRtcp(buf, 0, n)).isEqualTo(-1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void replayedPacketsAreRejected(SrtpProfile profile) {
    SrtpKeys keys = randomKeys(profile, new Random(9));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(10);
    byte[][] sent = new byte[200][];
    for (int seq = 0; seq < sent.length; seq++) {
      byte[] buf = Arrays.copyOf(rtpPacket(random, 99, seq, 0, false, 40), 52 + SPARE);
      sent[seq] = Arrays.copyOf(buf, sender.protectRtp(buf, 0, 52));
    }

    byte[] first = sent[0].clone();
    assertThat(receiver.unprotectRtp(first, 0, first.length)).isEqualTo(52);
    byte[] again = sent[0].clone();
    assertThat(receiver.unprotectRtp(again, 0, again.length)).isEqualTo(-1);
    for (int seq = 100; seq < 200; seq++) {
      byte[] p = sent[seq].clone();
      assertThat(receiver.unprotectRtp(p, 0, p.length)).isEqualTo(52);
    }
    byte[] inWindow = sent[150].clone();
    assertThat(receiver.unprotectRtp(inWindow, 0, inWindow.length)).isEqualTo(-1);
    // Older than the 64-packet window behind 199.
    byte[] old = sent[50].clone();
    assertThat(receiver.unprotectRtp(old, 0, old.length)).isEqualTo(-1);
    assertThat(receiver.failures(SrtpFailure.REPLAY)).isEqualTo(3);
    assertThat(receiver.failures(SrtpFailure.AUTHENTICATION)).isZero();

    byte[] rtcp = rtcpPacket(random, 5, 4);
    byte[] buf = Arrays.copyOf(rtcp, rtcp.length + SPARE);
    int n = sender.protectRtcp(buf, 0, rtcp.length);
    byte[] copy = Arrays.copyOf(buf, n);
    assertThat(receiver.unprotectRtcp(buf, 0, n)).isEqualTo(rtcp.length);
    assertThat(receiver.unprotectRtcp(copy, 0, n)).isEqualTo(-1);
    assertThat(receiver.failures(SrtpFailure.REPLAY)).isEqualTo(4);
  }

  @Test
  void packetsFromTheWrongKeysAreRejected() {
    Random random = new Random(11);
    SrtpKeys keys = randomKeys(SrtpProfile.AEAD_AES_128_GCM, random);
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession sameDirection = new SrtpSession(keys);
    byte[] rtp = rtpPacket(random, 1, 1, 0, false, 20);
    byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
    int n = sender.protectRtp(buf, 0, rtp.length);

    assertThat(sameDirection.unprotectRtp(buf, 0, n)).isEqualTo(-1);
    assertThat(sameDirection.failures(SrtpFailure.AUTHENTICATION)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void missingHeadroomIsRefusedWithoutTouchingThePacket(SrtpProfile profile) {
    SrtpSession session = new SrtpSession(randomKeys(profile, new Random(12)));
    byte[] rtp = rtpPacket(new Random(13), 1, 1, 0, false, 30);
    byte[] buf = Arrays.copyOf(rtp, rtp.length + profile.rtpOverhead() - 1);

    assertThat(session.protectRtp(buf, 0, rtp.length)).isEqualTo(-1);
    assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);

    byte[] rtcp = rtcpPacket(new Random(14), 1, 3);
    byte[] rbuf = Arrays.copyOf(rtcp, rtcp.length + profile.rtcpOverhead() - 1);
    assertThat(session.protectRtcp(rbuf, 0, rtcp.length)).isEqualTo(-1);
    assertThat(Arrays.copyOf(rbuf, rtcp.length)).isEqualTo(rtcp);
    assertThat(session.failures(SrtpFailure.INSUFFICIENT_HEADROOM)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void randomAndTruncatedInputNeverThrows(SrtpProfile profile) {
    SrtpKeys keys = randomKeys(profile, new Random(15));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(16);
    long refused = 0;

    for (int i = 0; i < 5000; i++) {
      byte[] buf = new byte[random.nextInt(300) + SPARE];
      random.nextBytes(buf);
      int len = random.nextInt(buf.length - SPARE + 1);
      if (random.nextBoolean()) {
        buf[0] = (byte) (0x80 | (buf[0] & 0x3F));
      }
      refused += (receiver.unprotectRtp(buf.clone(), 0, len) < 0 ? 1 : 0)
          + (receiver.unprotectRtcp(buf.clone(), 0, len) < 0 ? 1 : 0);
      sender.protectRtp(buf.clone(), 0, len);
      sender.protectRtcp(buf.clone(), 0, len);
    }
    for (int i = 0; i < 300; i++) {
      byte[] rtp = rtpPacket(random, 3, i, random.nextInt(3), random.nextBoolean(), 80);
      byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
      int n = sender.protectRtp(buf, 0, rtp.length);
      int cut = random.nextInt(n);
      refused += receiver.unprotectRtp(buf, 0, cut) < 0 ? 1 : 0;
    }

    assertThat(refused).isEqualTo(10_300);
    long counted = 0;
    for (SrtpFailure kind : SrtpFailure.values()) {
      counted += receiver.failures(kind);
    }
    assertThat(counted).isEqualTo(refused);
    assertThat(receiver.failures(SrtpFailure.CIPHER)).isZero();
  }

  @Test
  void forgedPacketsDoNotUseUpTheSsrcLimit() {
    SrtpKeys keys = randomKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, new Random(17));
    SrtpSession sender = new SrtpSession(keys);
    SrtpSession receiver = new SrtpSession(keys.mirror());
    Random random = new Random(18);
    for (int i = 0; i < SrtpSession.MAX_SSRCS + 100; i++) {
      byte[] forged = rtpPacket(random, i, 1, 0, false, 40);
      assertThat(receiver.unprotectRtp(forged, 0, forged.length)).isEqualTo(-1);
    }
    byte[] rtp = rtpPacket(random, 0xABCDEF, 1, 0, false, 40);
    byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
    int n = sender.protectRtp(buf, 0, rtp.length);

    assertThat(receiver.unprotectRtp(buf, 0, n)).isEqualTo(rtp.length);
    assertThat(receiver.failures(SrtpFailure.SSRC_LIMIT)).isZero();
  }

  @Test
  void outboundSsrcsAreCapped() {
    SrtpSession session = new SrtpSession(randomKeys(SrtpProfile.AEAD_AES_128_GCM, new Random(19)));
    Random random = new Random(20);
    for (int ssrc = 0; ssrc < SrtpSession.MAX_SSRCS; ssrc++) {
      byte[] buf = Arrays.copyOf(rtpPacket(random, ssrc, 1, 0, false, 4), 16 + SPARE);
      assertThat(session.protectRtp(buf, 0, 16)).isEqualTo(32);
    }
    byte[] buf = Arrays.copyOf(rtpPacket(random, -5, 1, 0, false, 4), 16 + SPARE);

    assertThat(session.protectRtp(buf, 0, 16)).isEqualTo(-1);
    assertThat(session.failures(SrtpFailure.SSRC_LIMIT)).isEqualTo(1);
  }

  @Test
  void closedSessionRefusesEverything() {
    SrtpSession session = new SrtpSession(randomKeys(SrtpProfile.AEAD_AES_128_GCM, new Random(21)));
    byte[] rtp = rtpPacket(new Random(22), 1, 1, 0, false, 10);
    byte[] buf = Arrays.copyOf(rtp, rtp.length + SPARE);
    session.close();
    session.close();

    assertThat(session.protectRtp(buf, 0, rtp.length)).isEqualTo(-1);
    assertThat(session.unprotectRtp(buf, 0, rtp.length)).isEqualTo(-1);
    assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);
  }

  @Test
  void warmUpRoundTripsEveryProfileAndCanBeRepeated() {
    assertThat(SrtpSession.warmUp()).isTrue();
    assertThat(SrtpSession.warmUp()).isTrue();
  }

  @Test
  void maxOverheadCoversEveryProfile() {
    assertThat(SrtpSession.maxOverhead()).isEqualTo(20);
    for (SrtpProfile p : SrtpProfile.values()) {
      assertThat(p.rtpOverhead()).isLessThanOrEqualTo(SrtpSession.maxOverhead());
      assertThat(p.rtcpOverhead()).isLessThanOrEqualTo(SrtpSession.maxOverhead());
    }
  }

  // --- packets ---

  /** An RTP packet (RFC 3550 §5.1), with CSRCs and an RFC 8285 one-byte extension if asked. */
  static byte[] rtpPacket(
      Random random, int ssrc, int seq, int csrcs, boolean extension, int payload) {
    int extWords = extension ? 1 + random.nextInt(3) : 0;
    int header = 12 + 4 * csrcs + (extension ? 4 + 4 * extWords : 0);
    byte[] p = new byte[header + payload];
    random.nextBytes(p);
    p[0] = (byte) (0x80 | (extension ? 0x10 : 0) | csrcs);
    p[1] = (byte) (p[1] & 0x7F);
    p[2] = (byte) (seq >>> 8);
    p[3] = (byte) seq;
    writeInt(p, 8, ssrc);
    if (extension) {
      int at = 12 + 4 * csrcs;
      p[at] = (byte) 0xBE;
      p[at + 1] = (byte) 0xDE;
      p[at + 2] = 0;
      p[at + 3] = (byte) extWords;
    }
    return p;
  }

  /** A receiver report (RFC 3550 §6.4.2) with {@code words} 32-bit words after the SSRC. */
  static byte[] rtcpPacket(Random random, int ssrc, int words) {
    byte[] p = new byte[8 + 4 * words];
    random.nextBytes(p);
    p[0] = (byte) 0x80;
    p[1] = (byte) 201;
    p[2] = (byte) ((words + 1) >>> 8);
    p[3] = (byte) (words + 1);
    writeInt(p, 4, ssrc);
    return p;
  }

  static SrtpKeys randomKeys(SrtpProfile profile, Random random) {
    byte[] material = new byte[profile.keyingMaterialLength()];
    random.nextBytes(material);
    return SrtpKeys.fromKeyingMaterial(profile, material, true);
  }

  // --- an independent reference of RFC 3711 built on the JDK's AES and HMAC ---

  /** SRTP with AES-CM and HMAC-SHA1-80 (RFC 3711 §3.1, §4.1.1, §4.2.1), ROC 0. */
  private static byte[] referenceSrtp(byte[] rtp, byte[] key, byte[] salt, byte[] authKey,
      int roc) throws Exception {
    int header = 12 + 4 * (rtp[0] & 0x0F);
    int seq = ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    long index = ((long) roc << 16) | seq;
    byte[] iv = iv(salt, Arrays.copyOfRange(rtp, 8, 12), index);
    byte[] out = Arrays.copyOf(rtp, rtp.length + 10);
    byte[] encrypted = aesCtr(key, iv, Arrays.copyOfRange(rtp, header, rtp.length));
    System.arraycopy(encrypted, 0, out, header, encrypted.length);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
    mac.update(out, 0, rtp.length);
    mac.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8),
        (byte) roc});
    System.arraycopy(mac.doFinal(), 0, out, rtp.length, 10);
    return out;
  }

  /** SRTCP with AES-CM and HMAC-SHA1-80 (RFC 3711 §3.4, §4.1.1), E flag set. */
  private static byte[] referenceSrtcp(byte[] rtcp, byte[] key, byte[] salt, byte[] authKey,
      int index) throws Exception {
    byte[] iv = iv(salt, Arrays.copyOfRange(rtcp, 4, 8), index);
    byte[] out = Arrays.copyOf(rtcp, rtcp.length + 14);
    byte[] encrypted = aesCtr(key, iv, Arrays.copyOfRange(rtcp, 8, rtcp.length));
    System.arraycopy(encrypted, 0, out, 8, encrypted.length);
    writeInt(out, rtcp.length, 0x80000000 | index);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
    mac.update(out, 0, rtcp.length + 4);
    System.arraycopy(mac.doFinal(), 0, out, rtcp.length + 4, 10);
    return out;
  }

  /** RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16). */
  private static byte[] iv(byte[] salt, byte[] ssrc, long index) {
    byte[] iv = new byte[16];
    System.arraycopy(salt, 0, iv, 0, 14);
    for (int i = 0; i < 4; i++) {
      iv[4 + i] ^= ssrc[i];
    }
    for (int i = 0; i < 6; i++) {
      iv[8 + i] ^= (byte) (index >>> (8 * (5 - i)));
    }
    return iv;
  }

  /** RFC 3711 §4.3.1, §4.3.3 with key_derivation_rate 0: AES-CM over (label XOR salt) * 2^16. */
  private static byte[] referenceKdf(byte[] masterKey, byte[] masterSalt, int label, int length)
      throws Exception {
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, 14);
    iv[7] ^= (byte) label;
    return aesCtr(masterKey, iv, new byte[length]);
  }

  private static byte[] aesCtr(byte[] key, byte[] iv, byte[] data) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return cipher.doFinal(data);
  }

  private static int readInt(byte[] p, int at) {
    return ((p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8)
        | (p[at + 3] & 0xFF);
  }

  private static void writeInt(byte[] p, int at, int value) {
    p[at] = (byte) (value >>> 24);
    p[at + 1] = (byte) (value >>> 16);
    p[at + 2] = (byte) (value >>> 8);
    p[at + 3] = (byte) value;
  }
}
