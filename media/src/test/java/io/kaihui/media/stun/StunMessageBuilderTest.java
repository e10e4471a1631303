package io.kaihui.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StunMessageBuilderTest {
  private static final byte[] SERVER_PASSWORD =
      "sFZ8bBqvF1pXhJ0Cq2q1ZqWs".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLIENT_PASSWORD =
      "aV5+HkQ2W7p1TMLmZ0UrKl3x".getBytes(StandardCharsets.UTF_8);

  private static StunMessage parse(byte[] b) throws StunParseException {
    return StunMessage.parse(b, 0, b.length);
  }

  private static byte[] transactionId(long seed) {
    byte[] id = new byte[12];
    new Random(seed).nextBytes(id);
    return id;
  }

  @Test
  void ipv4SuccessResponseRoundTrips() throws Exception {
    byte[] id = transactionId(1);
    InetSocketAddress sender = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 61234);

    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, id)
        .xorMappedAddress(sender)
        .build(SERVER_PASSWORD, true);

    assertThat(out).hasSize(20 + 12 + 24 + 8);
    assertThat(HexFormat.of().formatHex(out, 0, 8)).isEqualTo("010100" + "2c" + "2112a442");
    assertThat(Arrays.copyOfRange(out, 8, 20)).isEqualTo(id);
    StunMessage m = parse(out);
    assertThat(m.method()).isEqualTo(StunMessage.BINDING);
    assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(m.transactionId()).isEqualTo(id);
    assertThat(m.xorMappedAddress()).isEqualTo(sender);
    assertThat(m.hasMessageIntegrity()).isTrue();
    assertThat(m.verifyMessageIntegrity(SERVER_PASSWORD)).isTrue();
    assertThat(m.verifyMessageIntegrity(CLIENT_PASSWORD)).isFalse();
    assertThat(m.hasFingerprint()).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();
    // MESSAGE-INTEGRITY then FINGERPRINT, last.
    assertThat(HexFormat.of().formatHex(out, out.length - 32, out.length - 28))
        .isEqualTo("00080014");
    assertThat(HexFormat.of().formatHex(out, out.length - 8, out.length - 4))
        .isEqualTo("80280004");
  }

  @Test
  void ipv6SuccessResponseRoundTrips() throws Exception {
    byte[] id = transactionId(2);
    InetSocketAddress sender = new InetSocketAddress(
        InetAddress.getByName("2001:db8:85a3::8a2e:370:7334"), 5000);

    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, id)
        .xorMappedAddress(sender)
        .build(SERVER_PASSWORD, true);

    assertThat(out).hasSize(20 + 24 + 24 + 8);
    StunMessage m = parse(out);
    assertThat(m.xorMappedAddress()).isEqualTo(sender);
    assertThat(m.verifyMessageIntegrity(SERVER_PASSWORD)).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();
  }

  @Test
  void xorMappedAddressEncodesLikeRfc5769() throws Exception {
    byte[] v4 = new StunMessageBuilder(
            StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
        .software("test vector")
        .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
        .build(null, false);
    // Same bytes as RFC 5769 §2.2 except SOFTWARE padding (the RFC pads with a space) and the
    // length field (no MESSAGE-INTEGRITY or FINGERPRINT here).
    assertThat(Arrays.copyOfRange(v4, 4, 35))
        .isEqualTo(Arrays.copyOfRange(Rfc5769.SAMPLE_IPV4_RESPONSE, 4, 35));
    assertThat(Arrays.copyOfRange(v4, 36, 48))
        .isEqualTo(Arrays.copyOfRange(Rfc5769.SAMPLE_IPV4_RESPONSE, 36, 48));
    assertThat(v4[35]).isZero();

    byte[] v6 = new StunMessageBuilder(
            StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
        .software("test vector")
        .xorMappedAddress(new InetSocketAddress(
            InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853))
        .build(null, false);
    assertThat(Arrays.copyOfRange(v6, 36, 60))
        .isEqualTo(Arrays.copyOfRange(Rfc5769.SAMPLE_IPV6_RESPONSE, 36, 60));
  }

  @Test
  void requestAttributesEncodeLikeRfc5769() {
    byte[] out = new StunMessageBuilder(
            StunMessage.BINDING, StunClass.REQUEST, Rfc5769.TRANSACTION_ID)
        .software("STUN test client")
        .priority(0x6E0001FFL)
        .iceControlled(0x932FF9B151263B36L)
        .username("evtj:h6vY")
        .build(null, false);
    // Identical to RFC 5769 §2.1 up to the end of the USERNAME value, length field aside.
    assertThat(HexFormat.of().formatHex(out, 0, 4)).isEqualTo("00010038");
    assertThat(Arrays.copyOfRange(out, 4, 73))
        .isEqualTo(Arrays.copyOfRange(Rfc5769.SAMPLE_REQUEST, 4, 73));
    assertThat(Arrays.copyOfRange(out, 73, 76)).containsOnly(0);
  }

  @Test
  void chromiumLikeBindingRequest() throws Exception {
    // Chromium's order: USERNAME, GOOG-NETWORK-INFO, ICE-CONTROLLING, USE-CANDIDATE, PRIORITY,
    // MESSAGE-INTEGRITY (keyed with the password of the receiving server), FINGERPRINT.
    byte[] id = transactionId(3);
    long tieBreaker = 0xB7E0C3F14A92D605L;
    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST, id)
        .username("serverUfrag:clientUfrag")
        .attribute(StunAttributeType.GOOG_NETWORK_INFO, new byte[] {0, 1, 0, 10})
        .iceControlling(tieBreaker)
        .useCandidate()
        .priority(1_853_824_767L)
        .build(SERVER_PASSWORD, true);

    StunMessage m = parse(out);
    assertThat(StunMessage.looksLikeStun(out, 0, out.length)).isTrue();
    assertThat(m.method()).isEqualTo(StunMessage.BINDING);
    assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
    assertThat(m.transactionId()).isEqualTo(id);
    assertThat(m.username()).isEqualTo("serverUfrag:clientUfrag");
    assertThat(m.iceControlling()).isTrue();
    assertThat(m.iceControlled()).isFalse();
    assertThat(m.tieBreaker()).isEqualTo(tieBreaker);
    assertThat(m.useCandidate()).isTrue();
    assertThat(m.priority()).isEqualTo(1_853_824_767L);
    assertThat(m.unknownRequiredAttributes()).isEmpty();
    assertThat(m.xorMappedAddress()).isNull();
    assertThat(m.verifyMessageIntegrity(SERVER_PASSWORD)).isTrue();
    assertThat(m.verifyMessageIntegrity(CLIENT_PASSWORD)).isFalse();
    assertThat(m.verifyFingerprint()).isTrue();
    // USERNAME "serverUfrag:clientUfrag" is 23 bytes, padded to 24.
    assertThat(HexFormat.of().formatHex(out, 20, 24)).isEqualTo("00060017");
    assertThat(out[20 + 4 + 23]).isZero();
    assertThat(out).hasSize(20 + 28 + 8 + 12 + 4 + 8 + 24 + 8);
  }

  @Test
  void errorResponseWithUnknownAttributes() throws Exception {
    byte[] id = transactionId(4);
    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.ERROR_RESPONSE, id)
        .errorCode(420, "Unknown Attribute")
        .unknownAttributes(0x7FFF, 0x001C, 0x0030)
        .build(SERVER_PASSWORD, true);

    StunMessage m = parse(out);
    assertThat(m.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    assertThat(HexFormat.of().formatHex(out, 0, 2)).isEqualTo("0111");
    assertThat(m.errorCode()).isEqualTo(420);
    assertThat(m.errorReason()).isEqualTo("Unknown Attribute");
    assertThat(m.verifyMessageIntegrity(SERVER_PASSWORD)).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();
    // ERROR-CODE: reserved 0, class 4, number 20, "Unknown Attribute" (17 bytes) + 3 padding.
    assertThat(HexFormat.of().formatHex(out, 20, 28)).isEqualTo("0009001500000414");
    // UNKNOWN-ATTRIBUTES: three types (6 bytes) + 2 padding.
    assertThat(HexFormat.of().formatHex(out, 48, 60)).isEqualTo("000a00067fff001c00300000");
  }

  @Test
  void roleConflictErrorResponse() throws Exception {
    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.ERROR_RESPONSE,
            transactionId(5))
        .errorCode(487, "Role Conflict")
        .build(null, true);
    StunMessage m = parse(out);
    assertThat(m.errorCode()).isEqualTo(487);
    assertThat(m.errorReason()).isEqualTo("Role Conflict");
    assertThat(m.hasMessageIntegrity()).isFalse();
    assertThat(m.verifyFingerprint()).isTrue();
  }

  @Test
  void withoutIntegrityOrFingerprint() throws Exception {
    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.INDICATION,
            transactionId(6))
        .build(null, false);
    assertThat(out).hasSize(20);
    assertThat(HexFormat.of().formatHex(out, 0, 8)).isEqualTo("001100002112a442");
    StunMessage m = parse(out);
    assertThat(m.messageClass()).isEqualTo(StunClass.INDICATION);
    assertThat(m.hasMessageIntegrity()).isFalse();
    assertThat(m.hasFingerprint()).isFalse();
  }

  @Test
  void integrityWithoutFingerprintIsLast() throws Exception {
    byte[] out = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST, transactionId(7))
        .username("a:b")
        .build(SERVER_PASSWORD, false);
    assertThat(out).hasSize(20 + 8 + 24);
    assertThat(HexFormat.of().formatHex(out, 2, 4)).isEqualTo("0020");
    StunMessage m = parse(out);
    assertThat(m.verifyMessageIntegrity(SERVER_PASSWORD)).isTrue();
    assertThat(m.hasFingerprint()).isFalse();
  }

  @Test
  void buildingTwiceGivesTheSameBytesAndTheTransactionIdIsCopied() {
    byte[] id = transactionId(8);
    StunMessageBuilder builder =
        new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST, id).username("x:y");
    id[0] ^= 1;
    byte[] first = builder.build(SERVER_PASSWORD, true);
    byte[] second = builder.build(SERVER_PASSWORD, true);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(first[8]).isEqualTo((byte) (id[0] ^ 1));
  }

  @Test
  void everyMethodAndClassRoundTrips() throws Exception {
    for (int method : new int[] {0x000, 0x001, 0x003, 0x00F, 0x010, 0x070, 0x080, 0xABC, 0xFFF}) {
      for (StunClass cls : StunClass.values()) {
        byte[] out = new StunMessageBuilder(method, cls, transactionId(method)).build(null, false);
        StunMessage m = parse(out);
        assertThat(m.method()).as("method 0x%03X %s", method, cls).isEqualTo(method);
        assertThat(m.messageClass()).as("method 0x%03X %s", method, cls).isEqualTo(cls);
      }
    }
  }

  @Test
  void rejectsInvalidArguments() {
    byte[] id = transactionId(9);
    assertThatThrownBy(() -> new StunMessageBuilder(0x1000, StunClass.REQUEST, id))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StunMessageBuilder(-1, StunClass.REQUEST, id))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StunMessageBuilder(1, StunClass.REQUEST, new byte[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11 bytes");
    StunMessageBuilder b = new StunMessageBuilder(1, StunClass.ERROR_RESPONSE, id);
    assertThatThrownBy(() -> b.errorCode(299, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.errorCode(700, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.errorCode(400, "r".repeat(128)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.software("s".repeat(128)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.priority(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.priority(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attribute(StunAttributeType.MESSAGE_INTEGRITY, new byte[20]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attribute(StunAttributeType.FINGERPRINT, new byte[4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attribute(0x10000, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.unknownAttributes(0x1FFFF))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attribute(0x8000, new byte[70_000]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit");
    assertThatThrownBy(() -> b.xorMappedAddress(InetSocketAddress.createUnresolved("h", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.build(new byte[0], true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToOverflowTheLengthField() {
    StunMessageBuilder b = new StunMessageBuilder(1, StunClass.REQUEST, transactionId(10))
        .attribute(0x8000, new byte[0xFFFC - 4 - 24]);
    assertThat(b.build(null, false)).hasSize(20 + 0xFFFC - 24);
    assertThat(b.build(SERVER_PASSWORD, false)).hasSize(20 + 0xFFFC);
    assertThatThrownBy(() -> b.build(SERVER_PASSWORD, true))
        .isInstanceOf(IllegalStateException.class);
  }
}
