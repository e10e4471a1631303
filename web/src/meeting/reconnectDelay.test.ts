import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnectDelay';

describe('reconnectDelayMs', () => {
  it('doubles from 1 s and stops at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(reconnectDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 10000, 10000, 10000,
    ]);
  });

  it('treats odd input as the first attempt or the cap', () => {
    expect(reconnectDelayMs(-3)).toBe(1000);
    expect(reconnectDelayMs(Number.MAX_SAFE_INTEGER)).toBe(10000);
  });
});
