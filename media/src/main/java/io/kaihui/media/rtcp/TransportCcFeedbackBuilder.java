package io.kaihui.media.rtcp;

/**
 * Encodes one transport-wide congestion control feedback packet
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1) status by status, into arrays it
 * allocates once, so that a receiver can build feedback for every packet it got without allocating
 * per packet. {@link TransportCcFeedback} uses it to write records too.
 *
 * <p>Use: {@link #reset}, then {@link #addNotReceived} and {@link #addReceived} once per
 * transport-wide sequence number from the base on, then {@link #write}. An add that would make the
 * packet larger than the capacity given at construction returns {@code false} and changes nothing,
 * so the caller ends this packet there and starts the next one with that sequence number.
 *
 * <p>Status chunks are chosen as libwebrtc chooses them ({@code TransportFeedback::LastChunk}), so
 * the bytes match Chromium's: statuses accumulate in the last chunk while it can take them (any 7,
 * up to 14 without a large delta, or any number up to 8191 of one symbol); when it cannot, it is
 * emitted as a run-length chunk (all one symbol, §3.1.3), a one-bit status vector (14 symbols,
 * §3.1.4) or a two-bit status vector of its first 7 symbols, the rest staying. The packet is padded
 * to 32 bits with the padding bit set and the count in its last byte (RFC 3550 §6.4.1), as
 * libwebrtc does.
 *
 * <p>Not thread-safe; reusable after {@link #reset}.
 */
public final class TransportCcFeedbackBuilder {

  /** Bytes before the first status chunk: RTCP header, two SSRCs and the fixed fields. */
  public static final int HEADER_SIZE = 20;

  /** Smallest capacity: the header, one chunk, one two-byte delta, padded to 32 bits. */
  public static final int MIN_CAPACITY = 24;

  private static final int NOT_RECEIVED = 0;
  private static final int SMALL_DELTA = 1;
  private static final int LARGE_DELTA = 2;
  private static final int TWO_BIT_CAPACITY = 7;
  private static final int ONE_BIT_CAPACITY = 14;
  private static final int RUN_LENGTH_CAPACITY = 0x1FFF;

  private final int capacity;
  private final char[] chunks;
  private final byte[] deltas;

  /** Symbols of the last (not yet emitted) chunk; beyond 14 only a run of one symbol. */
  private final byte[] last = new byte[ONE_BIT_CAPACITY];

  private long senderSsrc;
  private long mediaSsrc;
  private int baseSequenceNumber;
  private int referenceTime;
  private int feedbackPacketCount;
  private int chunkCount;
  private int deltaLength;
  private int statusCount;
  private int lastSize;
  private boolean lastAllSame;
  private boolean lastHasLarge;

  /**
   * Creates a builder for packets of at most {@code capacity} bytes.
   *
   * @param capacity the largest packet to build in bytes, header and padding included, {@link
   *     #MIN_CAPACITY}..262144 (the RTCP length field); rounded down to a multiple of 4
   * @throws IllegalArgumentException when {@code capacity} is out of range
   */
  public TransportCcFeedbackBuilder(int capacity) {
    FieldRange.checkRange(capacity, MIN_CAPACITY, FieldRange.MAX_PACKET_SIZE, "capacity");
    this.capacity = capacity & ~3;
    this.chunks = new char[(this.capacity - HEADER_SIZE) / 2];
    this.deltas = new byte[this.capacity - HEADER_SIZE];
  }

  /**
   * Starts a new packet, forgetting every status added before.
   *
   * @param senderSsrc SSRC of the feedback's sender, 0..2^32-1
   * @param mediaSsrc SSRC of a media source of the reported packets, 0..2^32-1
   * @param baseSequenceNumber the transport-wide sequence number of the first status to add,
   *     0..65535
   * @param referenceTime the reference time in units of 64 ms, 0..2^24-1
   * @param feedbackPacketCount the feedback packet count, 0..255
   * @throws IllegalArgumentException when a value is out of range
   */
  public void reset(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int referenceTime,
      int feedbackPacketCount) {
    this.senderSsrc = FieldRange.checkUnsigned32(senderSsrc, "senderSsrc");
    this.mediaSsrc = FieldRange.checkUnsigned32(mediaSsrc, "mediaSsrc");
    this.baseSequenceNumber =
        FieldRange.checkRange(baseSequenceNumber, 0, 0xFFFF, "baseSequenceNumber");
    this.referenceTime =
        FieldRange.checkRange(
            referenceTime, 0, TransportCcFeedback.MAX_REFERENCE_TIME, "referenceTime");
    this.feedbackPacketCount =
        FieldRange.checkRange(feedbackPacketCount, 0, 0xFF, "feedbackPacketCount");
    chunkCount = 0;
    deltaLength = 0;
    statusCount = 0;
    clearLast();
  }

  /**
   * Adds the status of the next sequence number: not received.
   *
   * @return {@code false}, changing nothing, when the packet would exceed the capacity or already
   *     holds 65535 statuses
   */
  public boolean addNotReceived() {
    return add(NOT_RECEIVED, 0);
  }

  /**
   * Adds the status of the next sequence number: received {@code receiveDelta × 250 µs} after the
   * previous received packet (or after the reference time, for the first).
   *
   * @param receiveDelta the receive delta in units of 250 µs, -32768..32767
   * @return {@code false}, changing nothing, when the packet would exceed the capacity or already
   *     holds 65535 statuses
   * @throws IllegalArgumentException when {@code receiveDelta} is out of range
   */
  public boolean addReceived(int receiveDelta) {
    FieldRange.checkRange(receiveDelta, Short.MIN_VALUE, Short.MAX_VALUE, "receiveDelta");
    return add(receiveDelta >= 0 && receiveDelta <= 0xFF ? SMALL_DELTA : LARGE_DELTA, receiveDelta);
  }

  /**
   * Returns how many statuses the packet holds.
   *
   * @return the packet status count, 0..65535
   */
  public int statusCount() {
    return statusCount;
  }

  /**
   * Returns the size of the packet as {@link #write} writes it.
   *
   * @return the size in bytes, a multiple of 4, at most the capacity
   */
  public int size() {
    return padded(unpaddedSize(chunkCount + (lastSize > 0 ? 1 : 0), deltaLength));
  }

  /**
   * Writes the packet.
   *
   * @param out the array to write into
   * @param off index in {@code out} of the first byte to write
   * @return the number of bytes written, {@link #size()}
   * @throws IllegalStateException when no status was added
   * @throws IllegalArgumentException when {@code off} is negative or {@code out} has fewer than
   *     {@link #size()} bytes from {@code off}
   */
  public int write(byte[] out, int off) {
    if (statusCount == 0) {
      throw new IllegalStateException("transport-cc feedback needs at least one status");
    }
    int size = size();
    if (off < 0 || off > out.length || out.length - off < size) {
      throw new IllegalArgumentException(
          "transport-cc feedback needs "
              + size
              + " bytes at offset "
              + off
              + " but the array holds "
              + out.length);
    }
    int padding = size - unpaddedSize(chunkCount + 1, deltaLength);
    int words = size / 4 - 1;
    out[off] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | TransportCcFeedback.FMT);
    out[off + 1] = (byte) RtcpPacket.TYPE_RTPFB;
    out[off + 2] = (byte) (words >>> 8);
    out[off + 3] = (byte) words;
    writeUint32(out, off + 4, senderSsrc);
    writeUint32(out, off + 8, mediaSsrc);
    writeUint16(out, off + 12, baseSequenceNumber);
    writeUint16(out, off + 14, statusCount);
    writeUint32(out, off + 16, (long) referenceTime << 8 | feedbackPacketCount);
    int p = off + HEADER_SIZE;
    for (int i = 0; i < chunkCount; i++) {
      writeUint16(out, p, chunks[i]);
      p += 2;
    }
    writeUint16(out, p, encodeLast());
    p += 2;
    System.arraycopy(deltas, 0, out, p, deltaLength);
    p += deltaLength;
    for (int i = 1; i < padding; i++) {
      out[p++] = 0;
    }
    if (padding > 0) {
      out[p] = (byte) padding;
    }
    return size;
  }

  private boolean add(int symbol, int receiveDelta) {
    if (statusCount == TransportCcFeedback.MAX_PACKET_STATUSES) {
      return false;
    }
    boolean fits = lastSize == 0 || lastCanTake(symbol);
    // The last chunk always counts; a full one is emitted and a new one begun.
    int chunksAfter = chunkCount + 1 + (fits ? 0 : 1);
    if (padded(unpaddedSize(chunksAfter, deltaLength + symbol)) > capacity) {
      return false;
    }
    if (!fits) {
      emitLast();
    }
    appendToLast(symbol);
    // The symbol is also the delta's size in bytes: 0, 1 or 2.
    if (symbol == SMALL_DELTA) {
      deltas[deltaLength++] = (byte) receiveDelta;
    } else if (symbol == LARGE_DELTA) {
      deltas[deltaLength++] = (byte) (receiveDelta >> 8);
      deltas[deltaLength++] = (byte) receiveDelta;
    }
    statusCount++;
    return true;
  }

  private boolean lastCanTake(int symbol) {
    if (lastSize < TWO_BIT_CAPACITY) {
      return true;
    }
    if (lastSize < ONE_BIT_CAPACITY && !lastHasLarge && symbol != LARGE_DELTA) {
      return true;
    }
    return lastSize < RUN_LENGTH_CAPACITY && lastAllSame && last[0] == symbol;
  }

  private void appendToLast(int symbol) {
    if (lastSize < ONE_BIT_CAPACITY) {
      last[lastSize] = (byte) symbol;
    }
    lastAllSame = lastSize == 0 || (lastAllSame && last[0] == symbol);
    lastHasLarge |= symbol == LARGE_DELTA;
    lastSize++;
  }

  private void emitLast() {
    if (lastAllSame) {
      chunks[chunkCount++] = runLength();
      clearLast();
      return;
    }
    if (lastSize == ONE_BIT_CAPACITY) {
      chunks[chunkCount++] = oneBitVector();
      clearLast();
      return;
    }
    chunks[chunkCount++] = twoBitVector(TWO_BIT_CAPACITY);
    int remaining = lastSize - TWO_BIT_CAPACITY;
    clearLast();
    for (int i = 0; i < remaining; i++) {
      appendToLast(last[TWO_BIT_CAPACITY + i]);
    }
  }

  private char encodeLast() {
    if (lastAllSame) {
      return runLength();
    }
    return lastSize <= TWO_BIT_CAPACITY ? twoBitVector(lastSize) : oneBitVector();
  }

  // §3.1.3: T=0, the symbol (2 bits), the run length (13 bits).
  private char runLength() {
    return (char) (last[0] << 13 | lastSize);
  }

  // §3.1.4: T=1, S=0, 14 one-bit symbols (0 not received, 1 small delta), unused bits 0.
  private char oneBitVector() {
    int chunk = 0x8000;
    for (int i = 0; i < lastSize; i++) {
      chunk |= last[i] << (ONE_BIT_CAPACITY - 1 - i);
    }
    return (char) chunk;
  }

  // §3.1.4: T=1, S=1, 7 two-bit symbols, unused bits 0.
  private char twoBitVector(int count) {
    int chunk = 0xC000;
    for (int i = 0; i < count; i++) {
      chunk |= last[i] << 2 * (TWO_BIT_CAPACITY - 1 - i);
    }
    return (char) chunk;
  }

  private void clearLast() {
    lastSize = 0;
    lastAllSame = true;
    lastHasLarge = false;
  }

  private static int unpaddedSize(int chunks, int deltaBytes) {
    return HEADER_SIZE + 2 * chunks + deltaBytes;
  }

  private static int padded(int size) {
    return (size + 3) & ~3;
  }

  private static void writeUint16(byte[] out, int index, int value) {
    out[index] = (byte) (value >>> 8);
    out[index + 1] = (byte) value;
  }

  private static void writeUint32(byte[] out, int index, long value) {
    out[index] = (byte) (value >>> 24);
    out[index + 1] = (byte) (value >>> 16);
    out[index + 2] = (byte) (value >>> 8);
    out[index + 3] = (byte) value;
  }
}
