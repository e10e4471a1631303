import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retryAfter';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');

  it('reads a number of seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('3600', now)).toBe(3600);
  });

  it('reads an HTTP date as the seconds until then (RFC 9110 §10.2.3)', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:42 GMT', now)).toBe(42);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('gives null for a missing or unreadable header', () => {
    for (const value of [null, '', 'soon', '-5', '1.5', '12abc']) {
      expect(parseRetryAfter(value, now), String(value)).toBeNull();
    }
  });
});
