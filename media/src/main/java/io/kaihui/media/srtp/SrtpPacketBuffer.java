package io.kaihui.media.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * The one mutable view of a packet that an {@link SrtpSession} lends to jitsi-srtp: it points
 * into the caller's array and never reallocates it. jitsi-srtp grows a packet in place (GCM tag,
 * HMAC tag, SRTCP index) up to the end of the array; growing further throws
 * {@link IllegalStateException}, which the session never provokes because it checks the headroom
 * first.
 *
 * <p>Not thread-safe: one per session, used by the session's thread.
 */
final class SrtpPacketBuffer implements ByteArrayBuffer {

  private static final byte[] EMPTY = new byte[0];

  private byte[] buffer = EMPTY;
  private int offset;
  private int length;

  /** Points this view at {@code length} bytes of {@code buffer} from {@code offset}. */
  void wrap(byte[] buffer, int offset, int length) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
  }

  /** Drops the reference to the caller's array. */
  void release() {
    this.buffer = EMPTY;
    this.offset = 0;
    this.length = 0;
  }

  @Override
  public byte[] getBuffer() {
    return buffer;
  }

  @Override
  public int getOffset() {
    return offset;
  }

  @Override
  public int getLength() {
    return length;
  }

  @Override
  public void setLength(int length) {
    if (length < 0 || offset + length > buffer.length) {
      throw new IllegalArgumentException("length " + length);
    }
    this.length = length;
  }

  @Override
  public void setOffset(int offset) {
    if (offset < 0 || offset + length > buffer.length) {
      throw new IllegalArgumentException("offset " + offset);
    }
    this.offset = offset;
  }

  @Override
  public boolean isInvalid() {
    return false;
  }

  @Override
  public void readRegionToBuff(int off, int len, byte[] out) {
    int start = offset + off;
    if (off < 0 || len <= 0 || start + len > buffer.length || out.length < len) {
      return;
    }
    System.arraycopy(buffer, start, out, 0, len);
  }

  @Override
  public void grow(int howMuch) {
    if (howMuch < 0) {
      throw new IllegalArgumentException("howMuch " + howMuch);
    }
    if (offset + length + howMuch > buffer.length) {
      throw new IllegalStateException("no headroom for " + howMuch + " more bytes");
    }
  }

  @Override
  public void append(byte[] data, int len) {
    if (data == null || len == 0) {
      return;
    }
    grow(len);
    System.arraycopy(data, 0, buffer, offset + length, len);
    length += len;
  }

  @Override
  public void shrink(int len) {
    if (len > 0) {
      length = Math.max(0, length - len);
    }
  }
}
