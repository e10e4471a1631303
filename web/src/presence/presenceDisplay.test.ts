import { describe, expect, it } from 'vitest';
import { presenceDisplay } from './presenceDisplay';

describe('presenceDisplay', () => {
  it('shows the server’s presence while connected, reconnecting after a drop', () => {
    expect(presenceDisplay('connecting', null)).toBe('offline');
    expect(presenceDisplay('open', null)).toBe('offline');
    expect(presenceDisplay('open', 'away')).toBe('away');
    expect(presenceDisplay('reconnecting', 'in_meeting')).toBe('reconnecting');
    expect(presenceDisplay('connecting', 'online')).toBe('online');
    expect(presenceDisplay('closed', 'online')).toBe('offline');
  });
});
