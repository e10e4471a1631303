import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColor, initials } from './initials';

describe('initials', () => {
  it('takes first and last initials of Latin names', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('grace brewster murray hopper')).toBe('GH');
    expect(initials('  linus ')).toBe('L');
    expect(initials('jean-luc')).toBe('JL');
  });

  it('takes the last two characters of Chinese names', () => {
    expect(initials('张三丰')).toBe('三丰');
    expect(initials('王五')).toBe('王五');
    expect(initials('李')).toBe('李');
  });

  it('treats names mixing Latin and Chinese by words', () => {
    expect(initials('Alice 王')).toBe('A王');
    expect(initials('王 Alice')).toBe('王A');
    expect(initials('张 三')).toBe('张三');
  });

  it('handles empty names and emoji without splitting surrogate pairs', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
    expect(initials('😀 Smile')).toBe('😀S');
  });
});

describe('avatarColor', () => {
  it('is stable for a name and comes from the palette', () => {
    expect(avatarColor('Ada')).toBe(avatarColor(' Ada '));
    for (const name of ['Ada', 'Bo', '张三', '', 'x'.repeat(64)]) {
      expect(AVATAR_COLORS).toContain(avatarColor(name));
    }
  });

  it('spreads names over several colours', () => {
    const colours = new Set(['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal'].map(avatarColor));
    expect(colours.size).toBeGreaterThan(3);
  });
});
