package io.kaihui.media.stun;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the attribute TLVs of one STUN message whose header {@link StunMessage#parse} has already
 * validated, and collects what {@link StunMessage} exposes (RFC 8489 §14, RFC 8445 §16.1). Used
 * once per parse, then dropped.
 */
final class StunAttributeDecoder {
  final byte[] msg;
  String username;
  String software;
  String realm;
  String nonce;
  long priority = -1;
  boolean useCandidate;
  boolean iceControlling;
  boolean iceControlled;
  long tieBreaker;
  InetSocketAddress xorMappedAddress;
  int errorCode = -1;
  String errorReason;
  int integrityOffset = -1;
  int fingerprintOffset = -1;
  private int[] unknown = new int[4];
  private int unknownCount;

  /**
   * Creates a decoder.
   *
   * @param msg the whole message, header included, its length already checked against the header
   */
  StunAttributeDecoder(byte[] msg) {
    this.msg = msg;
  }

  /**
   * Decodes every attribute after the header.
   *
   * @throws StunParseException if an attribute runs past the end, an attribute
   *     follows FINGERPRINT, or a known attribute has a malformed value
   */
  void decodeAll() throws StunParseException {
    int pos = StunMessage.HEADER_LENGTH;
    // The message length is a multiple of 4 and so is pos: a whole attribute header fits.
    while (pos < msg.length) {
      int type = u16(msg, pos);
      if (fingerprintOffset >= 0) {
        throw new StunParseException(
            String.format("attribute 0x%04X follows FINGERPRINT, which must be last", type), pos);
      }
      int length = u16(msg, pos + 2);
      int value = pos + 4;
      if (length > msg.length - value) {
        throw new StunParseException(String.format(
            "attribute 0x%04X declares %d value bytes but only %d remain",
            type, length, msg.length - value), pos + 2);
      }
      decode(type, pos, length);
      // The padding fits too: value and the message end are both multiples of 4.
      pos = value + ((length + 3) & ~3);
    }
  }

  /**
   * The unknown comprehension-required types seen, each once.
   *
   * @return a fresh array in order of appearance
   */
  int[] unknownRequiredAttributes() {
    return Arrays.copyOf(unknown, unknownCount);
  }

  private void decode(int type, int at, int length) throws StunParseException {
    if (type == StunAttributeType.FINGERPRINT) {
      expectLength(type, at, length, 4);
      fingerprintOffset = at;
      return;
    }
    if (integrityOffset >= 0) {
      return; // RFC 8489 §14.5: ignore everything after MESSAGE-INTEGRITY but FINGERPRINT.
    }
    int v = at + 4;
    switch (type) {
      case StunAttributeType.MESSAGE_INTEGRITY -> {
        expectLength(type, at, length, StunIntegrity.HMAC_LENGTH);
        integrityOffset = at;
      }
      case StunAttributeType.USERNAME -> {
        if (username == null) {
          username = strictUtf8(v, length, at);
        }
      }
      case StunAttributeType.SOFTWARE -> {
        if (software == null) {
          software = new String(msg, v, length, StandardCharsets.UTF_8);
        }
      }
      case StunAttributeType.REALM -> {
        if (realm == null) {
          realm = new String(msg, v, length, StandardCharsets.UTF_8);
        }
      }
      case StunAttributeType.NONCE -> {
        if (nonce == null) {
          nonce = new String(msg, v, length, StandardCharsets.UTF_8);
        }
      }
      case StunAttributeType.PRIORITY -> {
        expectLength(type, at, length, 4);
        if (priority < 0) {
          priority = i32(msg, v) & 0xFFFF_FFFFL;
        }
      }
      case StunAttributeType.USE_CANDIDATE -> {
        expectLength(type, at, length, 0);
        useCandidate = true;
      }
      case StunAttributeType.ICE_CONTROLLING, StunAttributeType.ICE_CONTROLLED -> {
        expectLength(type, at, length, 8);
        if (!iceControlling && !iceControlled) {
          tieBreaker = ((long) i32(msg, v) << 32) | (i32(msg, v + 4) & 0xFFFF_FFFFL);
        }
        if (type == StunAttributeType.ICE_CONTROLLING) {
          iceControlling = true;
        } else {
          iceControlled = true;
        }
      }
      case StunAttributeType.XOR_MAPPED_ADDRESS -> {
        InetSocketAddress address = xorAddress(at, length);
        if (xorMappedAddress == null) {
          xorMappedAddress = address;
        }
      }
      case StunAttributeType.ERROR_CODE -> decodeErrorCode(at, length);
      case StunAttributeType.UNKNOWN_ATTRIBUTES -> {
        // Understood (it comes with error 420) but not exposed.
      }
      default -> {
        if (StunAttributeType.isComprehensionRequired(type)) {
          addUnknown(type);
        }
      }
    }
  }

  private void decodeErrorCode(int at, int length) throws StunParseException {
    if (length < 4) {
      throw new StunParseException(
          "ERROR-CODE value is " + length + " bytes, expected at least 4", at + 2);
    }
    int errorClass = msg[at + 6] & 0x07;
    int number = msg[at + 7] & 0xFF;
    if (errorClass < 3 || errorClass > 6 || number > 99) {
      throw new StunParseException(
          "ERROR-CODE class " + errorClass + " number " + number
              + " is outside 300..699 (class 3..6, number 0..99)", at + 6);
    }
    if (errorCode < 0) {
      errorCode = errorClass * 100 + number;
      errorReason = new String(msg, at + 8, length - 4, StandardCharsets.UTF_8);
    }
  }

  private InetSocketAddress xorAddress(int at, int length) throws StunParseException {
    int v = at + 4;
    if (length < 4) {
      throw new StunParseException(
          "XOR-MAPPED-ADDRESS value is " + length + " bytes, expected 8 or 20", at + 2);
    }
    int family = msg[v + 1] & 0xFF;
    int port = u16(msg, v + 2) ^ (StunMessage.MAGIC_COOKIE >>> 16);
    byte[] address;
    if (family == 0x01) {
      expectLength(StunAttributeType.XOR_MAPPED_ADDRESS, at, length, 8);
      address = new byte[4];
    } else if (family == 0x02) {
      expectLength(StunAttributeType.XOR_MAPPED_ADDRESS, at, length, 20);
      address = new byte[16];
    } else {
      throw new StunParseException(
          String.format("XOR-MAPPED-ADDRESS family 0x%02X is neither IPv4 (0x01) nor IPv6 (0x02)",
              family), v + 1);
    }
    // The XOR pad is the magic cookie followed by the transaction ID: header bytes 4..19.
    for (int i = 0; i < address.length; i++) {
      address[i] = (byte) (msg[v + 4 + i] ^ msg[4 + i]);
    }
    try {
      InetAddress ip = family == 0x01
          ? InetAddress.getByAddress(address)
          : Inet6Address.getByAddress(null, address, -1);
      return new InetSocketAddress(ip, port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of " + address.length + " bytes rejected", e);
    }
  }

  private String strictUtf8(int v, int length, int at) throws StunParseException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(msg, v, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StunParseException("USERNAME is not valid UTF-8", v);
    }
  }

  private void addUnknown(int type) {
    for (int i = 0; i < unknownCount; i++) {
      if (unknown[i] == type) {
        return;
      }
    }
    if (unknownCount == unknown.length) {
      unknown = Arrays.copyOf(unknown, unknownCount * 2);
    }
    unknown[unknownCount++] = type;
  }

  private static void expectLength(int type, int at, int length, int expected)
      throws StunParseException {
    if (length != expected) {
      throw new StunParseException(String.format(
          "attribute 0x%04X has a %d-byte value, expected %d", type, length, expected), at + 2);
    }
  }

  /**
   * Reads an unsigned big-endian 16-bit value.
   *
   * @param b the bytes
   * @param i index of the most significant byte
   * @return 0..0xFFFF
   */
  static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  /**
   * Reads a big-endian 32-bit value.
   *
   * @param b the bytes
   * @param i index of the most significant byte
   * @return the value as a signed int
   */
  static int i32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }
}
