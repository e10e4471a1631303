package io.kaihui.media.srtp;

import java.util.function.Consumer;

/**
 * A map from 32-bit SSRC to a value, by open addressing with linear probing, so a look-up neither
 * boxes the SSRC nor allocates. It only grows (no removal): an {@link SrtpSession} keeps a crypto
 * context per SSRC for its lifetime, and caps their number.
 *
 * @param <V> the value type
 */
final class SsrcMap<V> {

  private int[] keys;
  private Object[] values;
  private int size;

  SsrcMap() {
    keys = new int[16];
    values = new Object[16];
  }

  /** The value of {@code ssrc}, or null. */
  @SuppressWarnings("unchecked")
  V get(int ssrc) {
    int mask = keys.length - 1;
    for (int i = slot(ssrc, mask); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == ssrc) {
        return (V) v;
      }
    }
  }

  /** Maps {@code ssrc} to {@code value} (not null), replacing any earlier value. */
  void put(int ssrc, V value) {
    if (2 * (size + 1) > keys.length) {
      resize();
    }
    if (insert(keys, values, ssrc, value)) {
      size++;
    }
  }

  /** The number of SSRCs mapped. */
  int size() {
    return size;
  }

  /** Calls {@code action} on every value, then forgets them all. */
  void clear(Consumer<V> action) {
    for (int i = 0; i < values.length; i++) {
      @SuppressWarnings("unchecked")
      V v = (V) values[i];
      if (v != null) {
        action.accept(v);
        values[i] = null;
      }
    }
    size = 0;
  }

  /** Puts into the given table; true if the SSRC was new there. */
  private static boolean insert(int[] ks, Object[] vs, int ssrc, Object value) {
    int mask = ks.length - 1;
    for (int i = slot(ssrc, mask); ; i = (i + 1) & mask) {
      if (vs[i] == null) {
        ks[i] = ssrc;
        vs[i] = value;
        return true;
      }
      if (ks[i] == ssrc) {
        vs[i] = value;
        return false;
      }
    }
  }

  private void resize() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        insert(keys, values, oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(int ssrc, int mask) {
    int h = ssrc * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
