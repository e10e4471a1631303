import { describe, expect, it } from 'vitest';
import { passwordStrength } from './passwordStrength';

describe('passwordStrength', () => {
  it('is tooShort below 8 characters', () => {
    expect(passwordStrength('')).toBe('tooShort');
    expect(passwordStrength('Ab1!xyz')).toBe('tooShort');
  });

  it('is weak for common passwords, the username and repeated characters', () => {
    expect(passwordStrength('password')).toBe('weak');
    expect(passwordStrength('qwerty123')).toBe('weak');
    expect(passwordStrength('ada_lovelace_1815', 'ada_lovelace')).toBe('weak');
    expect(passwordStrength('aaaaaaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passwordStrength('abcdefgh')).toBe('weak');
  });

  it('grows with length and the mix of characters', () => {
    expect(passwordStrength('abcdefg1')).toBe('fair');
    expect(passwordStrength('kangaroo-pouch')).toBe('good');
    expect(passwordStrength('Kangaroo-pouch')).toBe('strong');
    expect(passwordStrength('correct horse battery staple')).toBe('strong');
  });
});
