package io.kaihui.media.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts of one transport, as exported from DTLS (RFC 5764 §4.2), seen
 * from this side: {@code local} protects what this side sends, {@code remote} unprotects what the
 * peer sends. For the DTLS server, local is the server write key and salt and remote the client
 * write key and salt.
 *
 * <p>The arrays are copied in and out, so a caller can neither change the keys nor see later
 * changes; {@link #equals} compares their contents and {@link #toString} never prints them.
 *
 * @param profile the negotiated protection profile
 * @param localKey master key for what this side sends, {@link SrtpProfile#keyLength()} bytes
 * @param localSalt master salt for what this side sends, {@link SrtpProfile#saltLength()} bytes
 * @param remoteKey master key for what the peer sends, {@link SrtpProfile#keyLength()} bytes
 * @param remoteSalt master salt for what the peer sends, {@link SrtpProfile#saltLength()} bytes
 */
public record SrtpKeys(
    SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {

  /**
   * Checks the lengths against the profile and copies the arrays.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a key or salt has the wrong length for the profile
   */
  public SrtpKeys {
    Objects.requireNonNull(profile, "profile");
    localKey = copy(localKey, profile.keyLength(), "localKey");
    localSalt = copy(localSalt, profile.saltLength(), "localSalt");
    remoteKey = copy(remoteKey, profile.keyLength(), "remoteKey");
    remoteSalt = copy(remoteSalt, profile.saltLength(), "remoteSalt");
  }

  /**
   * Splits keying material exported with the label {@code EXTRACTOR-dtls_srtp} into keys
   * (RFC 5764 §4.2): client write key, server write key, client write salt, server write salt.
   *
   * @param profile the negotiated profile
   * @param keyingMaterial {@link SrtpProfile#keyingMaterialLength()} bytes
   * @param server {@code true} to see the keys as the DTLS server (local = server write),
   *     {@code false} as the DTLS client (local = client write)
   * @return the keys from that side's point of view
   * @throws IllegalArgumentException if the material has the wrong length
   */
  public static SrtpKeys fromKeyingMaterial(
      SrtpProfile profile, byte[] keyingMaterial, boolean server) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    if (keyingMaterial.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException("keying material must be "
          + profile.keyingMaterialLength() + " bytes, not " + keyingMaterial.length);
    }
    byte[] clientKey = Arrays.copyOfRange(keyingMaterial, 0, k);
    byte[] serverKey = Arrays.copyOfRange(keyingMaterial, k, 2 * k);
    byte[] clientSalt = Arrays.copyOfRange(keyingMaterial, 2 * k, 2 * k + s);
    byte[] serverSalt = Arrays.copyOfRange(keyingMaterial, 2 * k + s, 2 * k + 2 * s);
    SrtpKeys keys = server
        ? new SrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt)
        : new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt);
    Arrays.fill(clientKey, (byte) 0);
    Arrays.fill(serverKey, (byte) 0);
    Arrays.fill(clientSalt, (byte) 0);
    Arrays.fill(serverSalt, (byte) 0);
    return keys;
  }

  /** The same keys from the peer's point of view: local and remote swapped. */
  public SrtpKeys mirror() {
    return new SrtpKeys(profile, remoteKey, remoteSalt, localKey, localSalt);
  }

  /** A copy of the master key for what this side sends. */
  @Override
  public byte[] localKey() {
    return localKey.clone();
  }

  /** A copy of the master salt for what this side sends. */
  @Override
  public byte[] localSalt() {
    return localSalt.clone();
  }

  /** A copy of the master key for what the peer sends. */
  @Override
  public byte[] remoteKey() {
    return remoteKey.clone();
  }

  /** A copy of the master salt for what the peer sends. */
  @Override
  public byte[] remoteSalt() {
    return remoteSalt.clone();
  }

  /** Equal when the profile and every key and salt byte are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeys k
        && profile == k.profile
        && Arrays.equals(localKey, k.localKey)
        && Arrays.equals(localSalt, k.localSalt)
        && Arrays.equals(remoteKey, k.remoteKey)
        && Arrays.equals(remoteSalt, k.remoteSalt);
  }

  /** A hash of the profile and the key contents. */
  @Override
  public int hashCode() {
    int h = profile.hashCode();
    h = 31 * h + Arrays.hashCode(localKey);
    h = 31 * h + Arrays.hashCode(localSalt);
    h = 31 * h + Arrays.hashCode(remoteKey);
    return 31 * h + Arrays.hashCode(remoteSalt);
  }

  /** The profile only: key material never goes into logs. */
  @Override
  public String toString() {
    return "SrtpKeys[" + profile + "]";
  }

  private static byte[] copy(byte[] value, int length, String name) {
    Objects.requireNonNull(value, name);
    if (value.length != length) {
      throw new IllegalArgumentException(
          name + " must be " + length + " bytes, not " + value.length);
    }
    return value.clone();
  }
}
