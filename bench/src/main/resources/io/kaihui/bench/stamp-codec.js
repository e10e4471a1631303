// KaihuiStamp: a time stamp drawn into a video frame as black and white blocks, and read back.
//
// The top third of the frame holds 4 rows of 16 blocks (40x40 px at 640x480), one bit each,
// white for 1: 4 bits sender id, 44 bits time stamp in units of 0.1 ms (performance.timeOrigin +
// performance.now(), modulo 2^44), 16 bits CRC-16/CCITT-FALSE over the first 48 bits as 6 bytes,
// big-endian. Reading samples the middle of each block in relative coordinates, so a frame that
// the sender scaled down or the codec blurred still reads; a wrong read fails the checksum.
(() => {
  const COLS = 16;
  const ROWS = 4;
  const BAND = 1 / 3; // share of the frame height the blocks take
  const MODULUS = 2 ** 44; // stamp units (0.1 ms) wrap after about 55 years
  const PROBE_CELL = 10; // px per block in the probe canvas

  function crc16(bytes) {
    let crc = 0xffff;
    for (const b of bytes) {
      crc ^= b << 8;
      for (let i = 0; i < 8; i++) {
        crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
    }
    return crc;
  }

  /** The 48-bit value (id and stamp units) as 6 big-endian bytes. */
  function bytesOf(value) {
    const out = [];
    for (let i = 5; i >= 0; i--) out.push(Math.floor(value / 2 ** (8 * i)) % 256);
    return out;
  }

  /** bits(id, units): the 64 bits to draw, most significant first. */
  function bits(id, units) {
    const value = (id & 0xf) * 2 ** 44 + (units % MODULUS);
    const crc = crc16(bytesOf(value));
    const out = [];
    // Two parts: 64 bits do not fit a double's 53-bit mantissa.
    for (let i = 47; i >= 0; i--) out.push(Math.floor(value / 2 ** i) % 2);
    for (let i = 15; i >= 0; i--) out.push((crc >> i) & 1);
    return out;
  }

  /** parse(bits) → {id, units} (units modulo 2^44), or null when the checksum fails. */
  function parse(bitArray) {
    let value = 0;
    for (let i = 0; i < 48; i++) value = value * 2 + bitArray[i];
    let crc = 0;
    for (let i = 48; i < 64; i++) crc = crc * 2 + bitArray[i];
    if (crc16(bytesOf(value)) !== crc) return null;
    return { id: Math.floor(value / 2 ** 44), units: value % MODULUS };
  }

  /** now(): this page's clock in ms since the Unix epoch (timeOrigin + now). */
  function now() {
    return performance.timeOrigin + performance.now();
  }

  /** draw(ctx, width, height, id, timeMs): paints the blocks into the top third of the frame. */
  function draw(ctx, width, height, id, timeMs) {
    const b = bits(id, Math.floor(timeMs * 10));
    const bandHeight = height * BAND;
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        ctx.fillStyle = b[r * COLS + c] ? '#fff' : '#000';
        const x0 = Math.round((c * width) / COLS);
        const x1 = Math.round(((c + 1) * width) / COLS);
        const y0 = Math.round((r * bandHeight) / ROWS);
        const y1 = Math.round(((r + 1) * bandHeight) / ROWS);
        ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      }
    }
  }

  /** A reader keeps one small canvas and reads stamps from images (video, canvas, VideoFrame). */
  function reader() {
    const canvas = document.createElement('canvas');
    canvas.width = COLS * PROBE_CELL;
    canvas.height = ROWS * PROBE_CELL;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return {
      /** read(image, width, height) → {id, units} or null. */
      read(image, width, height) {
        if (!width || !height) return null;
        ctx.drawImage(image, 0, 0, width, height * BAND, 0, 0, canvas.width, canvas.height);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const out = [];
        for (let r = 0; r < ROWS; r++) {
          for (let c = 0; c < COLS; c++) {
            let sum = 0;
            for (let y = 3; y < 7; y++) {
              for (let x = 3; x < 7; x++) {
                const i = ((r * PROBE_CELL + y) * canvas.width + c * PROBE_CELL + x) * 4;
                sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
              }
            }
            out.push(sum / 16 > 128 ? 1 : 0);
          }
        }
        return parse(out);
      },
    };
  }

  /**
   * latencyMs(units, nowMs): nowMs minus the stamp, taking the stamp's wrap into account; the
   * nearest value, so a stamp slightly ahead (clock offset between pages) gives a small negative.
   */
  function latencyMs(units, nowMs) {
    const nowUnits = Math.floor(nowMs * 10);
    let diff = (((nowUnits - units) % MODULUS) + MODULUS) % MODULUS;
    if (diff > MODULUS / 2) diff -= MODULUS;
    return (diff + (nowMs * 10 - nowUnits)) / 10;
  }

  globalThis.KaihuiStamp = { bits, parse, draw, reader, latencyMs, now, crc16, MODULUS };
})();
