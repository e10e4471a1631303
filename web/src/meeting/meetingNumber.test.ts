import { describe, expect, it } from 'vitest';
import {
  formatMeetingNumber,
  isValidMeetingNumber,
  meetingLink,
  meetingPath,
  normalizeMeetingNumber,
} from './meetingNumber';

describe('meeting numbers', () => {
  it('normalizes typed and pasted input to at most nine digits', () => {
    expect(normalizeMeetingNumber('123 456 789')).toBe('123456789');
    expect(normalizeMeetingNumber('123-456-7890')).toBe('123456789');
    expect(normalizeMeetingNumber(' 12a3 ')).toBe('123');
    expect(normalizeMeetingNumber('')).toBe('');
  });

  it('groups by three while typing', () => {
    expect(formatMeetingNumber('1')).toBe('1');
    expect(formatMeetingNumber('123')).toBe('123');
    expect(formatMeetingNumber('1234')).toBe('123 4');
    expect(formatMeetingNumber('123456')).toBe('123 456');
    expect(formatMeetingNumber('123456789')).toBe('123 456 789');
    expect(formatMeetingNumber('123 45 6789')).toBe('123 456 789');
  });

  it('accepts exactly nine digits with spaces', () => {
    expect(isValidMeetingNumber('123456789')).toBe(true);
    expect(isValidMeetingNumber('123 456 789')).toBe(true);
    expect(isValidMeetingNumber('12345678')).toBe(false);
    expect(isValidMeetingNumber('1234567890')).toBe(false);
    expect(isValidMeetingNumber('12345678x')).toBe(false);
    expect(isValidMeetingNumber('')).toBe(false);
  });

  it('builds the path and the link to share', () => {
    expect(meetingPath('123 456 789')).toBe('/m/123456789');
    expect(meetingLink('123456789', 'https://meet.example:8443')).toBe(
      'https://meet.example:8443/m/123456789',
    );
  });
});
