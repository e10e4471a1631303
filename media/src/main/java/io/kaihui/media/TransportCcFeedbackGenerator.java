package io.kaihui.media;

import io.kaihui.media.rtcp.TransportCcFeedback;
import io.kaihui.media.rtcp.TransportCcFeedbackBuilder;

/**
 * The receiving side of transport-wide congestion control
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01) for one publishing
 * {@link WebRtcTransport}, as libwebrtc's {@code RemoteEstimatorProxy} is for a browser: it
 * notes when each packet carrying a transport-wide sequence number (§2) arrived, and turns the
 * notes into transport-cc feedback (§3.1) that the publisher's send-side bandwidth estimator
 * reads to raise or lower its bitrate.
 *
 * <p>Arrival times sit in a ring of {@link #WINDOW} slots indexed by the unwrapped sequence
 * number, so recording a packet allocates nothing; a packet more than {@link #WINDOW} numbers
 * behind the highest one seen is too old to report and is ignored, as are duplicates (the first
 * arrival counts). Each feedback reports every sequence number from the first one not yet
 * reported up to the highest one received; numbers in between that never arrived are reported
 * as not received. A packet that arrives after a feedback already called it lost (reordering)
 * sends the next feedback back to its number, as libwebrtc does, so the sender learns it arrived
 * after all. A feedback ends where the next status would make it larger than
 * {@link #MAX_FEEDBACK_SIZE} bytes or where a receive delta would not fit 16 bits (a gap of more
 * than about 8 s); the rest goes into the following feedback packets.
 *
 * <p>When: the engine calls {@link #feedbackDue} every {@link #TICK_MS} ms. Feedback goes out on
 * every tick while at least {@link #FAST_FEEDBACK_PACKETS} packets wait (video rates, as
 * libwebrtc's 50 ms floor), else on every second tick while any packet waits (100 ms, its
 * default), and never when nothing new arrived. {@link #onPacket} asks for feedback at once when
 * {@link #EARLY_FEEDBACK_PACKETS} packets wait.
 *
 * <p>Loop-confined; nothing allocated after construction.
 */
final class TransportCcFeedbackGenerator {

  /** Slots of the arrival-time ring: how far back, in sequence numbers, reports can reach. */
  static final int WINDOW = 1 << 14;

  /** Largest feedback packet written, in bytes, well inside any path MTU with SRTCP added. */
  static final int MAX_FEEDBACK_SIZE = 1200;

  /** The engine's feedback tick, in ms. */
  static final int TICK_MS = 50;

  /** Packets waiting from which feedback goes out on every tick rather than every second. */
  static final int FAST_FEEDBACK_PACKETS = 8;

  /** Packets waiting from which feedback goes out at once, without waiting for the tick. */
  static final int EARLY_FEEDBACK_PACKETS = 300;

  private static final long NOT_RECEIVED = Long.MIN_VALUE;
  private static final int MASK = WINDOW - 1;

  private final long senderSsrc;
  private final long[] arrivalNanos = new long[WINDOW];
  private final TransportCcFeedbackBuilder builder =
      new TransportCcFeedbackBuilder(MAX_FEEDBACK_SIZE);

  private boolean started;
  /** Highest unwrapped sequence number received; always a received one. */
  private long highest;
  /** First unwrapped sequence number the next feedback reports. */
  private long nextToReport;
  private long mediaSsrc;
  private int feedbackPacketCount;
  private int ticksWaited;
  private long packetsRecorded;
  private long packetsIgnored;

  /**
   * Creates the generator.
   *
   * @param senderSsrc the SSRC the feedback is sent from (the transport's RTCP SSRC)
   */
  TransportCcFeedbackGenerator(long senderSsrc) {
    this.senderSsrc = senderSsrc;
    java.util.Arrays.fill(arrivalNanos, NOT_RECEIVED);
  }

  /**
   * Notes the arrival of one packet.
   *
   * @param sequenceNumber its transport-wide sequence number, 0..65535
   * @param ssrc its SSRC, named as the feedback's media source
   * @param nowNanos its arrival time, {@link System#nanoTime()}
   * @return whether so many packets now wait that feedback should be sent at once
   */
  boolean onPacket(int sequenceNumber, long ssrc, long nowNanos) {
    long seq;
    if (!started) {
      started = true;
      seq = sequenceNumber;
      highest = seq;
      nextToReport = seq;
    } else {
      // The nearest unwrapped number with these low 16 bits (RFC 3550 §A.1 style unwrapping).
      seq = highest + (short) (sequenceNumber - (int) highest);
      if (seq > highest) {
        for (long s = Math.max(highest + 1, seq - WINDOW + 1); s < seq; s++) {
          arrivalNanos[(int) s & MASK] = NOT_RECEIVED;
        }
        highest = seq;
        // Numbers that left the ring unreported can no longer be reported.
        nextToReport = Math.max(nextToReport, seq - WINDOW + 1);
      } else if (seq <= highest - WINDOW || arrivalNanos[(int) seq & MASK] != NOT_RECEIVED) {
        packetsIgnored++;
        return false;
      }
    }
    arrivalNanos[(int) seq & MASK] = nowNanos;
    nextToReport = Math.min(nextToReport, seq);
    mediaSsrc = ssrc;
    packetsRecorded++;
    return waiting() >= EARLY_FEEDBACK_PACKETS;
  }

  /**
   * Called once per {@link #TICK_MS}: whether feedback should be sent now.
   *
   * @return true when packets wait and the time has come (see the class description)
   */
  boolean feedbackDue() {
    long waiting = waiting();
    if (waiting == 0) {
      ticksWaited = 0;
      return false;
    }
    ticksWaited++;
    if (waiting >= FAST_FEEDBACK_PACKETS || ticksWaited >= 2) {
      ticksWaited = 0;
      return true;
    }
    return false;
  }

  /** Sequence numbers not yet reported, up to the highest received. */
  long waiting() {
    return started ? Math.max(0, highest - nextToReport + 1) : 0;
  }

  /** Packets recorded (first arrivals with a usable sequence number). */
  long packetsRecorded() {
    return packetsRecorded;
  }

  /** Packets ignored: duplicates, or too far behind the highest sequence number. */
  long packetsIgnored() {
    return packetsIgnored;
  }

  /**
   * Writes the next feedback packet, reporting from the first sequence number not yet reported
   * on, and counts it as reported. Call again until it returns 0 to report everything.
   *
   * @param out the array to write into, at least {@link #MAX_FEEDBACK_SIZE} bytes from
   *     {@code off}
   * @param off where to write
   * @return the packet's length in bytes, or 0 when nothing waits
   */
  int nextFeedback(byte[] out, int off) {
    if (waiting() == 0) {
      return 0;
    }
    long first = nextToReport;
    while (arrivalNanos[(int) first & MASK] == NOT_RECEIVED) {
      first++; // ends at highest, which was received
    }
    long referenceTicks = Math.floorDiv(Math.floorDiv(arrivalNanos[(int) first & MASK], 1000),
        TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS);
    builder.reset(senderSsrc, mediaSsrc, (int) nextToReport & 0xFFFF,
        (int) referenceTicks & TransportCcFeedback.MAX_REFERENCE_TIME,
        feedbackPacketCount & 0xFF);
    // The receive time the next delta counts from, advanced by the rounded deltas (libwebrtc
    // does the same) so that rounding errors do not add up.
    long lastMicros = referenceTicks * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS;
    long seq = nextToReport;
    for (; seq <= highest; seq++) {
      long arrival = arrivalNanos[(int) seq & MASK];
      if (arrival == NOT_RECEIVED) {
        if (!builder.addNotReceived()) {
          break;
        }
        continue;
      }
      long delta = Math.floorDiv(Math.floorDiv(arrival, 1000) - lastMicros
          + TransportCcFeedback.DELTA_UNIT_MICROS / 2, TransportCcFeedback.DELTA_UNIT_MICROS);
      if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE
          || !builder.addReceived((int) delta)) {
        break;
      }
      lastMicros += delta * TransportCcFeedback.DELTA_UNIT_MICROS;
    }
    if (builder.statusCount() == 0) {
      return 0; // cannot happen with MAX_FEEDBACK_SIZE; guards against a loop without progress
    }
    nextToReport = seq;
    feedbackPacketCount++;
    return builder.write(out, off);
  }
}
