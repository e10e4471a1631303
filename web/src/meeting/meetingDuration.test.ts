import { describe, expect, it } from 'vitest';
import { durationParts } from './meetingDuration';

describe('durationParts', () => {
  it('rounds down to minutes, and shows hours from 60 minutes on', () => {
    expect(durationParts(-5)).toEqual({ unit: 'lessThanMinute' });
    expect(durationParts(59_999)).toEqual({ unit: 'lessThanMinute' });
    expect(durationParts(60_000)).toEqual({ unit: 'minutes', minutes: 1 });
    expect(durationParts(59 * 60_000 + 59_999)).toEqual({ unit: 'minutes', minutes: 59 });
    expect(durationParts(60 * 60_000)).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(durationParts(125 * 60_000)).toEqual({ unit: 'hours', hours: 2, minutes: 5 });
  });
});
