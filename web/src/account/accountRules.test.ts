import { describe, expect, it } from 'vitest';
import {
  checkDisplayName,
  checkMoodLine,
  checkPassword,
  checkPhone,
  checkUsername,
  codePoints,
  fieldOfCode,
} from './accountRules';

describe('account rules', () => {
  it('usernames are 3 to 32 letters, digits or underscores', () => {
    for (const ok of ['ada', 'Ada_Lovelace', 'a1_', 'x'.repeat(32)]) expect(checkUsername(ok), ok).toBeNull();
    for (const bad of ['', 'ab', 'x'.repeat(33), 'ada lovelace', 'ada-l', '张三丰', 'ada!', ' ada']) {
      expect(checkUsername(bad), bad).toBe('username_invalid');
    }
  });

  it('passwords: at most 1024, at least 8 characters, not the username, not common', () => {
    expect(checkPassword('correct horse battery', 'ada')).toBeNull();
    expect(checkPassword('short', 'ada')).toBe('password_too_short');
    expect(checkPassword('密码密码密码密', 'ada')).toBe('password_too_short');
    expect(checkPassword('密码密码密码密码', 'ada')).toBeNull();
    expect(checkPassword('x'.repeat(1025), 'ada')).toBe('password_too_long');
    expect(checkPassword('AdaLovelace', 'adalovelace')).toBe('password_equals_username');
    expect(checkPassword('Password', 'ada')).toBe('password_too_common');
    expect(checkPassword('12345678', '')).toBe('password_too_common');
  });

  it('display names: 1 to 64 characters, something visible, no control characters', () => {
    for (const ok of ['Ada', '张三', '  Ada  ', 'x'.repeat(64), '😀'.repeat(64)]) {
      expect(checkDisplayName(ok), ok).toBeNull();
    }
    for (const bad of ['', '   ', 'x'.repeat(65), 'a\nb', 'a\u0000', 'evil\u202egnp.exe', '\u200b']) {
      expect(checkDisplayName(bad), JSON.stringify(bad)).toBe('display_name_invalid');
    }
  });

  it('mood lines: empty or up to 80 characters', () => {
    expect(checkMoodLine('')).toBeNull();
    expect(checkMoodLine('   ')).toBeNull();
    expect(checkMoodLine('想到哪说到哪'.padEnd(80, '!'))).toBeNull();
    expect(checkMoodLine('x'.repeat(81))).toBe('mood_invalid');
    expect(checkMoodLine('line\nbreak')).toBe('mood_invalid');
  });

  it('phones: empty, or 6 to 15 digits with an optional +', () => {
    for (const ok of ['', '+86 138 0013 8000', '(010) 6552-9988', '123456', '1.2.3.4.5.6']) {
      expect(checkPhone(ok), ok).toBeNull();
    }
    for (const bad of ['12345', '1234567890123456', '+0123456', 'call me', '12+3456789', '1'.repeat(33)]) {
      expect(checkPhone(bad), bad).toBe('phone_invalid');
    }
  });

  it('counts characters as code points', () => {
    expect(codePoints('a😀𠀀')).toBe(3);
  });

  it('knows which field each server code is about', () => {
    expect(fieldOfCode('username_taken')).toBe('username');
    expect(fieldOfCode('password_too_common')).toBe('password');
    expect(fieldOfCode('password_mismatch')).toBe('confirmPassword');
    expect(fieldOfCode('phone_invalid')).toBe('phone');
    expect(fieldOfCode('mood_invalid')).toBe('moodLine');
    expect(fieldOfCode('avatar_too_large')).toBe('avatar');
    expect(fieldOfCode('invalid_credentials')).toBeNull();
    expect(fieldOfCode('constructor')).toBeNull();
  });
});
