import { describe, expect, it } from 'vitest';
import { micLevel } from './micLevel';

function sine(amplitude: number, length = 1024): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * i) / 32);
  return out;
}

describe('micLevel', () => {
  it('is 0 for silence and no samples', () => {
    expect(micLevel(new Float32Array(512))).toBe(0);
    expect(micLevel([])).toBe(0);
  });

  it('maps a full-scale square wave to 1', () => {
    expect(micLevel(Array.from({ length: 64 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1);
  });

  it('maps RMS level linearly in dB from -60 dBFS', () => {
    // A sine of amplitude a has RMS a/√2: amplitude 0.01414 ≈ -40 dBFS → (60-40)/60.
    expect(micLevel(sine(0.01 * Math.SQRT2))).toBeCloseTo(1 / 3, 2);
    expect(micLevel(sine(0.1 * Math.SQRT2))).toBeCloseTo(2 / 3, 2);
    expect(micLevel(sine(0.0001))).toBe(0);
  });

  it('ignores NaN samples instead of returning NaN', () => {
    expect(micLevel([Number.NaN, 0.5])).toBe(0);
  });
});
