package io.kaihui.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StunMessageTest {
  private static final byte[] KEY = Rfc5769.PASSWORD.getBytes(StandardCharsets.UTF_8);
  private static final byte[] WRONG_KEY = "VOkJxbRl1RmTxUk/WvJxBu".getBytes(StandardCharsets.UTF_8);
  private static final List<byte[]> VECTORS = List.of(
      Rfc5769.SAMPLE_REQUEST,
      Rfc5769.SAMPLE_IPV4_RESPONSE,
      Rfc5769.SAMPLE_IPV6_RESPONSE,
      Rfc5769.SAMPLE_REQUEST_LONG_TERM);

  static StunMessage parse(byte[] b) throws StunParseException {
    return StunMessage.parse(b, 0, b.length);
  }

  /** A Binding Request header with the RFC 5769 transaction ID, then the given attributes. */
  static byte[] message(int messageType, byte[]... attributes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = 0;
    for (byte[] a : attributes) {
      length += a.length;
    }
    out.write(messageType >>> 8);
    out.write(messageType);
    out.write(length >>> 8);
    out.write(length);
    out.writeBytes(new byte[] {0x21, 0x12, (byte) 0xA4, 0x42});
    out.writeBytes(Rfc5769.TRANSACTION_ID);
    for (byte[] a : attributes) {
      out.writeBytes(a);
    }
    return out.toByteArray();
  }

  /** One attribute TLV, the value zero-padded to a multiple of 4. */
  static byte[] attribute(int type, byte[] value) {
    byte[] a = new byte[4 + ((value.length + 3) & ~3)];
    a[0] = (byte) (type >>> 8);
    a[1] = (byte) type;
    a[2] = (byte) (value.length >>> 8);
    a[3] = (byte) value.length;
    System.arraycopy(value, 0, a, 4, value.length);
    return a;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class Rfc5769Vectors {
    @Test
    void sampleRequest() throws Exception {
      StunMessage m = parse(Rfc5769.SAMPLE_REQUEST);

      assertThat(m.method()).isEqualTo(StunMessage.BINDING);
      assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
      assertThat(m.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
      assertThat(m.software()).isEqualTo("STUN test client");
      assertThat(m.priority()).isEqualTo(0x6E0001FFL);
      assertThat(m.iceControlled()).isTrue();
      assertThat(m.iceControlling()).isFalse();
      assertThat(m.tieBreaker()).isEqualTo(0x932FF9B151263B36L);
      assertThat(m.username()).isEqualTo("evtj:h6vY");
      assertThat(m.useCandidate()).isFalse();
      assertThat(m.xorMappedAddress()).isNull();
      assertThat(m.errorCode()).isEqualTo(-1);
      assertThat(m.errorReason()).isNull();
      assertThat(m.realm()).isNull();
      assertThat(m.nonce()).isNull();
      assertThat(m.unknownRequiredAttributes()).isEmpty();
      assertThat(m.hasMessageIntegrity()).isTrue();
      assertThat(m.verifyMessageIntegrity(KEY)).isTrue();
      assertThat(m.verifyMessageIntegrity(WRONG_KEY)).isFalse();
      assertThat(m.hasFingerprint()).isTrue();
      assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void sampleIpv4Response() throws Exception {
      StunMessage m = parse(Rfc5769.SAMPLE_IPV4_RESPONSE);

      assertThat(m.method()).isEqualTo(StunMessage.BINDING);
      assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
      assertThat(m.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
      assertThat(m.software()).isEqualTo("test vector");
      assertThat(m.xorMappedAddress())
          .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
      assertThat(m.xorMappedAddress().getAddress()).isInstanceOf(Inet4Address.class);
      assertThat(m.username()).isNull();
      assertThat(m.priority()).isEqualTo(-1);
      assertThat(m.iceControlled()).isFalse();
      assertThat(m.iceControlling()).isFalse();
      assertThat(m.tieBreaker()).isZero();
      assertThat(m.errorCode()).isEqualTo(-1);
      assertThat(m.unknownRequiredAttributes()).isEmpty();
      assertThat(m.verifyMessageIntegrity(KEY)).isTrue();
      assertThat(m.verifyMessageIntegrity(WRONG_KEY)).isFalse();
      assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void sampleIpv6Response() throws Exception {
      StunMessage m = parse(Rfc5769.SAMPLE_IPV6_RESPONSE);

      assertThat(m.method()).isEqualTo(StunMessage.BINDING);
      assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
      assertThat(m.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
      assertThat(m.software()).isEqualTo("test vector");
      InetSocketAddress expected = new InetSocketAddress(
          InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
      assertThat(m.xorMappedAddress()).isEqualTo(expected);
      assertThat(m.xorMappedAddress().getAddress()).isInstanceOf(Inet6Address.class);
      assertThat(m.xorMappedAddress().getAddress().getHostAddress())
          .isEqualTo("2001:db8:1234:5678:11:2233:4455:6677");
      assertThat(m.username()).isNull();
      assertThat(m.unknownRequiredAttributes()).isEmpty();
      assertThat(m.verifyMessageIntegrity(KEY)).isTrue();
      assertThat(m.verifyMessageIntegrity(WRONG_KEY)).isFalse();
      assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void sampleRequestWithLongTermCredentials() throws Exception {
      StunMessage m = parse(Rfc5769.SAMPLE_REQUEST_LONG_TERM);

      assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
      assertThat(m.transactionId()).isEqualTo(Rfc5769.LONG_TERM_TRANSACTION_ID);
      assertThat(m.username()).isEqualTo(Rfc5769.LONG_TERM_USERNAME);
      assertThat(m.nonce()).isEqualTo(Rfc5769.LONG_TERM_NONCE);
      assertThat(m.realm()).isEqualTo(Rfc5769.LONG_TERM_REALM);
      assertThat(m.unknownRequiredAttributes()).isEmpty();
      assertThat(m.hasMessageIntegrity()).isTrue();
      assertThat(m.hasFingerprint()).isFalse();
      assertThat(m.verifyFingerprint()).isFalse();
      // Long-term key (RFC 8489 §9.2.2): MD5(username ":" realm ":" password).
      byte[] key = MessageDigest.getInstance("MD5").digest(utf8(
          Rfc5769.LONG_TERM_USERNAME + ":" + Rfc5769.LONG_TERM_REALM + ":"
              + Rfc5769.LONG_TERM_PASSWORD));
      assertThat(m.verifyMessageIntegrity(key)).isTrue();
      assertThat(m.verifyMessageIntegrity(utf8(Rfc5769.LONG_TERM_PASSWORD))).isFalse();
    }

    @Test
    void everySingleByteCorruptionBreaksIntegrityAndFingerprint() {
      int checked = 0;
      for (byte[] vector : List.of(
          Rfc5769.SAMPLE_REQUEST, Rfc5769.SAMPLE_IPV4_RESPONSE, Rfc5769.SAMPLE_IPV6_RESPONSE)) {
        int integrityEnd = vector.length - 8; // FINGERPRINT follows MESSAGE-INTEGRITY
        for (int i = 0; i < vector.length; i++) {
          for (int mask : new int[] {0x01, 0x10, 0x80, 0xFF}) {
            byte[] b = vector.clone();
            b[i] ^= (byte) mask;
            StunMessage m;
            try {
              m = parse(b);
            } catch (StunParseException e) {
              continue;
            }
            checked++;
            assertThat(m.verifyFingerprint()).as("byte %d ^ 0x%02X", i, mask).isFalse();
            if (i < integrityEnd) {
              assertThat(m.verifyMessageIntegrity(KEY)).as("byte %d ^ 0x%02X", i, mask).isFalse();
            } else {
              assertThat(m.verifyMessageIntegrity(KEY)).as("byte %d ^ 0x%02X", i, mask).isTrue();
            }
          }
        }
      }
      assertThat(checked).isGreaterThan(500);
    }

    @Test
    void everySingleByteCorruptionOfLongTermRequestBreaksIntegrity() throws Exception {
      byte[] key = MessageDigest.getInstance("MD5").digest(utf8(
          Rfc5769.LONG_TERM_USERNAME + ":" + Rfc5769.LONG_TERM_REALM + ":"
              + Rfc5769.LONG_TERM_PASSWORD));
      byte[] vector = Rfc5769.SAMPLE_REQUEST_LONG_TERM;
      for (int i = 0; i < vector.length; i++) {
        byte[] b = vector.clone();
        b[i] ^= 0x01;
        try {
          assertThat(parse(b).verifyMessageIntegrity(key)).as("byte %d", i).isFalse();
        } catch (StunParseException expected) {
          // A corruption the parser catches is as good.
        }
      }
    }

    @Test
    void parsesAtAnOffsetAndCopiesTheBytes() throws Exception {
      byte[] buf = new byte[7 + Rfc5769.SAMPLE_REQUEST.length + 5];
      System.arraycopy(Rfc5769.SAMPLE_REQUEST, 0, buf, 7, Rfc5769.SAMPLE_REQUEST.length);

      StunMessage m = StunMessage.parse(buf, 7, Rfc5769.SAMPLE_REQUEST.length);
      Arrays.fill(buf, (byte) 0);

      assertThat(m.username()).isEqualTo("evtj:h6vY");
      assertThat(m.verifyMessageIntegrity(KEY)).isTrue();
      assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void accessorsReturnCopies() throws Exception {
      StunMessage m = parse(message(0x0001, attribute(0x7001, new byte[0])));
      m.transactionId()[0] ^= 1;
      m.unknownRequiredAttributes()[0] = 0;

      assertThat(m.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
      assertThat(m.unknownRequiredAttributes()).containsExactly(0x7001);
    }
  }

  @Nested
  class LooksLikeStun {
    @Test
    void acceptsTheVectors() {
      for (byte[] v : VECTORS) {
        assertThat(StunMessage.looksLikeStun(v, 0, v.length)).isTrue();
      }
    }

    @Test
    void rejectsWrongFirstByteShortOrMissingCookie() {
      byte[] v = Rfc5769.SAMPLE_REQUEST;
      assertThat(StunMessage.looksLikeStun(v, 0, 19)).isFalse();
      for (int first : new int[] {4, 0x16, 0x40, 0x80, 0xC0}) {
        byte[] b = v.clone();
        b[0] = (byte) first;
        assertThat(StunMessage.looksLikeStun(b, 0, b.length)).as("first byte %d", first).isFalse();
      }
      byte[] b = v.clone();
      b[7] = 0x43;
      assertThat(StunMessage.looksLikeStun(b, 0, b.length)).isFalse();
      byte[] first3 = v.clone();
      first3[0] = 3;
      assertThat(StunMessage.looksLikeStun(first3, 0, first3.length)).isTrue();
    }

    @Test
    void honoursOffset() {
      byte[] buf = new byte[3 + 20];
      System.arraycopy(Rfc5769.SAMPLE_REQUEST, 0, buf, 3, 20);
      assertThat(StunMessage.looksLikeStun(buf, 3, 20)).isTrue();
      assertThat(StunMessage.looksLikeStun(buf, 0, 20)).isFalse();
    }

    @Test
    void rejectsBoundsOutsideTheBuffer() {
      assertThatThrownBy(() -> StunMessage.looksLikeStun(new byte[10], 5, 20))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Nested
  class MalformedHeader {
    @Test
    void shorterThanHeader() {
      assertThatThrownBy(() -> StunMessage.parse(Rfc5769.SAMPLE_REQUEST, 0, 19))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("shorter than the 20-byte header");
    }

    @Test
    void leadingBitsSet() {
      byte[] b = Rfc5769.SAMPLE_IPV4_RESPONSE.clone();
      b[0] |= 0x40;
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("first two bits")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(0);
    }

    @Test
    void wrongMagicCookie() {
      byte[] b = Rfc5769.SAMPLE_IPV4_RESPONSE.clone();
      b[5] = 0;
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("magic cookie is 0x2100A442")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(4);
    }

    @Test
    void lengthNotMultipleOfFour() {
      byte[] b = message(0x0001, attribute(StunAttributeType.USE_CANDIDATE, new byte[0]));
      b[3] = 3;
      assertThatThrownBy(() -> StunMessage.parse(b, 0, 23))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("not a multiple of 4");
    }

    @Test
    void lengthDisagreesWithDatagram() {
      byte[] b = Arrays.copyOf(Rfc5769.SAMPLE_REQUEST, Rfc5769.SAMPLE_REQUEST.length + 4);
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("says 88 bytes of attributes but 92 follow")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(2);
    }

    @Test
    void boundsOutsideTheBufferAreAProgrammingError() {
      assertThatThrownBy(() -> StunMessage.parse(Rfc5769.SAMPLE_REQUEST, 100, 20))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Nested
  class Attributes {
    @Test
    void attributeRunningPastTheEnd() {
      byte[] b = message(0x0001, new byte[] {0x00, 0x06, 0x00, 0x09, 'a', 'b', 'c', 'd'});
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("attribute 0x0006 declares 9 value bytes but only 4 remain")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(22);
    }

    @Test
    void noAttributeHeaderOrValueAfterTheEnd() {
      byte[] b = message(0x0001, new byte[] {0x00, 0x06, 0x00, 0x03, 'a', 'b', 'c', 0},
          new byte[] {(byte) 0x80, 0x22, 0x00, 0x01, 'x', 0, 0, 0},
          new byte[] {(byte) 0x80, 0x22, 0x00, 0x02});
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("declares 2 value bytes but only 0 remain");

      byte[] c = message(0x0001, new byte[] {(byte) 0x80, 0x22, 0x00, 0x05, 'a', 'b', 'c', 'd'});
      assertThatThrownBy(() -> parse(c))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("declares 5 value bytes");
    }

    @Test
    void paddingMayHoldAnyValue() throws Exception {
      byte[] b = message(0x0001, new byte[] {0x00, 0x06, 0x00, 0x01, 'u', 'x', 'y', 'z'});
      assertThat(parse(b).username()).isEqualTo("u");
    }

    @Test
    void wrongLengthsOfKnownAttributes() {
      int[][] cases = {
          {StunAttributeType.PRIORITY, 3},
          {StunAttributeType.PRIORITY, 8},
          {StunAttributeType.USE_CANDIDATE, 4},
          {StunAttributeType.ICE_CONTROLLING, 4},
          {StunAttributeType.ICE_CONTROLLED, 12},
          {StunAttributeType.MESSAGE_INTEGRITY, 32},
          {StunAttributeType.FINGERPRINT, 8},
      };
      for (int[] c : cases) {
        byte[] b = message(0x0001, attribute(c[0], new byte[c[1]]));
        assertThatThrownBy(() -> parse(b))
            .as("type 0x%04X length %d", c[0], c[1])
            .isInstanceOf(StunParseException.class)
            .hasMessageContaining(String.format("attribute 0x%04X has a %d-byte value", c[0], c[1]))
            .extracting(e -> ((StunParseException) e).offset()).isEqualTo(22);
      }
    }

    @Test
    void malformedXorMappedAddress() {
      byte[] family3 = message(0x0101, attribute(StunAttributeType.XOR_MAPPED_ADDRESS,
          new byte[] {0, 3, 0, 0, 0, 0, 0, 0}));
      assertThatThrownBy(() -> parse(family3))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("family 0x03");
      byte[] ipv4Long = message(0x0101, attribute(StunAttributeType.XOR_MAPPED_ADDRESS,
          new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
      assertThatThrownBy(() -> parse(ipv4Long))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("has a 12-byte value, expected 8");
      byte[] ipv6Short = message(0x0101, attribute(StunAttributeType.XOR_MAPPED_ADDRESS,
          new byte[] {0, 2, 0, 0, 0, 0, 0, 0}));
      assertThatThrownBy(() -> parse(ipv6Short))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("has a 8-byte value, expected 20");
      byte[] tiny = message(0x0101, attribute(StunAttributeType.XOR_MAPPED_ADDRESS,
          new byte[] {0, 1}));
      assertThatThrownBy(() -> parse(tiny))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("expected 8 or 20");
    }

    @Test
    void malformedErrorCode() {
      byte[] shortValue = message(0x0111, attribute(StunAttributeType.ERROR_CODE, new byte[3]));
      assertThatThrownBy(() -> parse(shortValue))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("at least 4");
      byte[] class2 = message(0x0111, attribute(StunAttributeType.ERROR_CODE,
          new byte[] {0, 0, 2, 0}));
      assertThatThrownBy(() -> parse(class2))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("class 2 number 0");
      byte[] number100 = message(0x0111, attribute(StunAttributeType.ERROR_CODE,
          new byte[] {0, 0, 4, 100}));
      assertThatThrownBy(() -> parse(number100))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("number 100");
    }

    @Test
    void errorCodeIgnoresReservedBits() throws Exception {
      byte[] b = message(0x0111, attribute(StunAttributeType.ERROR_CODE,
          new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFC, 87, 'R', 'o', 'l', 'e'}));
      StunMessage m = parse(b);
      assertThat(m.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
      assertThat(m.errorCode()).isEqualTo(487);
      assertThat(m.errorReason()).isEqualTo("Role");
    }

    @Test
    void usernameMustBeUtf8() {
      byte[] b = message(0x0001, attribute(StunAttributeType.USERNAME,
          new byte[] {'a', (byte) 0xC3, 'b'}));
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("USERNAME is not valid UTF-8")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(24);
    }

    @Test
    void attributeAfterFingerprint() {
      byte[] b = message(0x0001,
          attribute(StunAttributeType.FINGERPRINT, new byte[4]),
          attribute(StunAttributeType.SOFTWARE, utf8("x")));
      assertThatThrownBy(() -> parse(b))
          .isInstanceOf(StunParseException.class)
          .hasMessageContaining("attribute 0x8022 follows FINGERPRINT")
          .extracting(e -> ((StunParseException) e).offset()).isEqualTo(28);
    }

    @Test
    void unknownRequiredAttributesAreListedOnceInOrderAndOptionalOnesIgnored() throws Exception {
      byte[] b = message(0x0001,
          attribute(0x7FFF, new byte[] {1}),
          attribute(StunAttributeType.GOOG_NETWORK_INFO, new byte[] {0, 1, 0, 10}),
          attribute(StunAttributeType.MESSAGE_INTEGRITY_SHA256, new byte[32]),
          attribute(0xFFFF, new byte[3]),
          attribute(0x7FFF, new byte[0]),
          attribute(StunAttributeType.MAPPED_ADDRESS, new byte[8]),
          attribute(StunAttributeType.USERNAME, utf8("a:b")));
      StunMessage m = parse(b);
      assertThat(m.unknownRequiredAttributes()).containsExactly(
          0x7FFF, StunAttributeType.MESSAGE_INTEGRITY_SHA256, StunAttributeType.MAPPED_ADDRESS);
      assertThat(m.username()).isEqualTo("a:b");
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnoredExceptFingerprint() throws Exception {
      byte[] b = message(0x0001,
          attribute(StunAttributeType.USERNAME, utf8("first")),
          attribute(StunAttributeType.MESSAGE_INTEGRITY, new byte[20]),
          attribute(StunAttributeType.MESSAGE_INTEGRITY_SHA256, new byte[32]),
          attribute(StunAttributeType.USE_CANDIDATE, new byte[0]),
          attribute(StunAttributeType.PRIORITY, new byte[] {0, 0, 0, 7}),
          attribute(0x7ABC, new byte[2]),
          attribute(StunAttributeType.FINGERPRINT, new byte[4]));
      StunMessage m = parse(b);
      assertThat(m.hasMessageIntegrity()).isTrue();
      assertThat(m.useCandidate()).isFalse();
      assertThat(m.priority()).isEqualTo(-1);
      assertThat(m.unknownRequiredAttributes()).isEmpty();
      assertThat(m.hasFingerprint()).isTrue();
      assertThat(m.verifyFingerprint()).isFalse();
    }

    @Test
    void onlyTheFirstOccurrenceCounts() throws Exception {
      byte[] b = message(0x0001,
          attribute(StunAttributeType.USERNAME, utf8("first")),
          attribute(StunAttributeType.PRIORITY, new byte[] {0, 0, 0, 1}),
          attribute(StunAttributeType.ICE_CONTROLLING, new byte[] {0, 0, 0, 0, 0, 0, 0, 5}),
          attribute(StunAttributeType.USERNAME, utf8("second")),
          attribute(StunAttributeType.PRIORITY, new byte[] {0, 0, 0, 2}),
          attribute(StunAttributeType.ICE_CONTROLLED, new byte[] {0, 0, 0, 0, 0, 0, 0, 6}));
      StunMessage m = parse(b);
      assertThat(m.username()).isEqualTo("first");
      assertThat(m.priority()).isEqualTo(1);
      assertThat(m.iceControlling()).isTrue();
      assertThat(m.iceControlled()).isTrue();
      assertThat(m.tieBreaker()).isEqualTo(5);
    }

    @Test
    void priorityAndTieBreakerAreUnsigned() throws Exception {
      byte[] b = message(0x0001,
          attribute(StunAttributeType.PRIORITY, new byte[] {-1, -1, -1, -2}),
          attribute(StunAttributeType.ICE_CONTROLLING, new byte[] {-1, -1, -1, -1, -1, -1, -1, -3}));
      StunMessage m = parse(b);
      assertThat(m.priority()).isEqualTo(0xFFFF_FFFEL);
      assertThat(m.tieBreaker()).isEqualTo(-3L);
    }

    @Test
    void verifyingWithoutTheAttributesFails() throws Exception {
      StunMessage m = parse(message(0x0001, attribute(StunAttributeType.USERNAME, utf8("a:b"))));
      assertThat(m.hasMessageIntegrity()).isFalse();
      assertThat(m.verifyMessageIntegrity(KEY)).isFalse();
      assertThat(m.hasFingerprint()).isFalse();
      assertThat(m.verifyFingerprint()).isFalse();
      assertThatThrownBy(() -> m.verifyMessageIntegrity(new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyMessageParses() throws Exception {
      StunMessage m = parse(message(0x0011));
      assertThat(m.messageClass()).isEqualTo(StunClass.INDICATION);
      assertThat(m.method()).isEqualTo(StunMessage.BINDING);
      assertThat(m.toString()).contains("INDICATION");
    }
  }

  @Nested
  class Garbage {
    @Test
    void everyTruncationOfEveryVectorIsRejected() {
      for (byte[] v : VECTORS) {
        for (int len = 0; len < v.length; len++) {
          int n = len;
          assertThatThrownBy(() -> StunMessage.parse(v, 0, n))
              .as("%d of %d bytes", n, v.length)
              .isInstanceOf(StunParseException.class);
        }
      }
    }

    @Test
    void everySingleByteValueAtEveryPositionParsesOrThrowsOnlyStunParseException() {
      int parsed = 0;
      int rejected = 0;
      for (byte[] v : VECTORS) {
        for (int i = 0; i < v.length; i++) {
          for (int value = 0; value < 256; value++) {
            byte[] b = v.clone();
            b[i] = (byte) value;
            if (parseOrReject(b, 0, b.length)) {
              parsed++;
            } else {
              rejected++;
            }
          }
        }
      }
      assertThat(parsed).isGreaterThan(1000);
      assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void randomBytesParseOrThrowOnlyStunParseException() {
      Random random = new Random(0x5354554EL);
      for (int i = 0; i < 50_000; i++) {
        byte[] b = new byte[random.nextInt(601)];
        random.nextBytes(b);
        int off = b.length == 0 ? 0 : random.nextInt(Math.min(b.length, 8) + 1);
        parseOrReject(b, off, b.length - off);
      }
    }

    @Test
    void randomAttributesBehindAValidHeaderParseOrThrowOnlyStunParseException() {
      Random random = new Random(8489);
      int[] types = {
          StunAttributeType.USERNAME, StunAttributeType.PRIORITY, StunAttributeType.USE_CANDIDATE,
          StunAttributeType.ICE_CONTROLLING, StunAttributeType.ICE_CONTROLLED,
          StunAttributeType.XOR_MAPPED_ADDRESS, StunAttributeType.ERROR_CODE,
          StunAttributeType.MESSAGE_INTEGRITY, StunAttributeType.FINGERPRINT,
          StunAttributeType.SOFTWARE, StunAttributeType.REALM, StunAttributeType.NONCE,
          StunAttributeType.UNKNOWN_ATTRIBUTES, 0x7FFF, 0xC057,
      };
      int parsed = 0;
      int rejected = 0;
      for (int i = 0; i < 50_000; i++) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        int count = random.nextInt(6);
        for (int a = 0; a < count; a++) {
          int type = types[random.nextInt(types.length)];
          int length = random.nextInt(4) == 0 ? random.nextInt(40) : typicalLength(type, random);
          byte[] value = new byte[length];
          random.nextBytes(value);
          if (type == StunAttributeType.XOR_MAPPED_ADDRESS && length > 1) {
            value[1] = (byte) (1 + random.nextInt(2));
          }
          if (type == StunAttributeType.ERROR_CODE && length > 3) {
            value[2] = (byte) (2 + random.nextInt(5));
            value[3] = (byte) random.nextInt(110);
          }
          byte[] attr = attribute(type, value);
          if (random.nextInt(8) == 0) {
            attr[3] ^= (byte) (1 << random.nextInt(8)); // lie about the length
          }
          attrs.writeBytes(attr);
        }
        byte[] b = message(random.nextInt(0x4000), attrs.toByteArray());
        if (parseOrReject(b, 0, b.length)) {
          parsed++;
        } else {
          rejected++;
        }
      }
      assertThat(parsed).isGreaterThan(5_000);
      assertThat(rejected).isGreaterThan(5_000);
    }

    private static int typicalLength(int type, Random random) {
      return switch (type) {
        case StunAttributeType.PRIORITY, StunAttributeType.FINGERPRINT -> 4;
        case StunAttributeType.USE_CANDIDATE -> 0;
        case StunAttributeType.ICE_CONTROLLING, StunAttributeType.ICE_CONTROLLED -> 8;
        case StunAttributeType.XOR_MAPPED_ADDRESS -> random.nextBoolean() ? 8 : 20;
        case StunAttributeType.MESSAGE_INTEGRITY -> 20;
        default -> random.nextInt(12);
      };
    }

    /** Parses; true if parsed, false if rejected with StunParseException; fails otherwise. */
    private static boolean parseOrReject(byte[] b, int off, int len) {
      StunMessage m;
      try {
        m = StunMessage.parse(b, off, len);
      } catch (StunParseException e) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.offset()).isBetween(0, len);
        return false;
      } catch (RuntimeException e) {
        fail("parse threw " + e + " for " + java.util.HexFormat.of().formatHex(b, off, off + len));
        return false;
      }
      // Every accessor must work on whatever parsed.
      m.method();
      m.messageClass();
      assertThat(m.transactionId()).hasSize(12);
      m.username();
      m.software();
      m.realm();
      m.nonce();
      m.priority();
      m.useCandidate();
      m.iceControlling();
      m.iceControlled();
      m.tieBreaker();
      m.xorMappedAddress();
      int code = m.errorCode();
      assertThat(code == -1 || (code >= 300 && code <= 699)).as("error code %d", code).isTrue();
      m.errorReason();
      for (int type : m.unknownRequiredAttributes()) {
        assertThat(StunAttributeType.isComprehensionRequired(type)).isTrue();
      }
      assertThat(m.verifyMessageIntegrity(KEY)).isEqualTo(m.verifyMessageIntegrity(KEY));
      m.verifyFingerprint();
      assertThat(m.toString()).startsWith("StunMessage[");
      return true;
    }
  }
}
