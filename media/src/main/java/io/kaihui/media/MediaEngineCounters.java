package io.kaihui.media;

import java.util.concurrent.atomic.AtomicLongArray;

/** The counters of one {@link MediaEngine}, written on its loop and readable from any thread. */
final class MediaEngineCounters {

  private final AtomicLongArray values = new AtomicLongArray(MediaCounter.values().length);

  void increment(MediaCounter c) {
    values.incrementAndGet(c.ordinal());
  }

  long get(MediaCounter c) {
    return values.get(c.ordinal());
  }
}
