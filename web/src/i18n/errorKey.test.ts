import { describe, expect, it } from 'vitest';
import { errorKey } from './errorKey';

describe('errorKey', () => {
  it('maps known codes to their key and anything else to errors.unknown', () => {
    expect(errorKey('meeting_full')).toBe('errors.meeting_full');
    expect(errorKey('connection_lost')).toBe('errors.connection_lost');
    expect(errorKey('no_such_code')).toBe('errors.unknown');
    expect(errorKey('toString')).toBe('errors.unknown');
    expect(errorKey(null)).toBe('errors.unknown');
  });
});
