import { describe, expect, it } from 'vitest';
import { checkPasswordChange, checkProfile, checkRegistration } from './formChecks';

describe('form checks', () => {
  const good = {
    username: 'ada',
    password: 'correct horse',
    confirmPassword: 'correct horse',
    displayName: 'Ada Lovelace',
    phone: '',
  };

  it('accepts a good registration', () => {
    expect(checkRegistration(good)).toEqual({});
  });

  it('names the first broken rule of each registration field', () => {
    expect(
      checkRegistration({ username: '', password: '', confirmPassword: '', displayName: ' ', phone: 'x' }),
    ).toEqual({
      username: 'field_required',
      password: 'field_required',
      confirmPassword: 'field_required',
      displayName: 'display_name_invalid',
      phone: 'phone_invalid',
    });
    expect(checkRegistration({ ...good, username: 'a b', password: 'short', confirmPassword: 'shorter' })).toEqual({
      username: 'username_invalid',
      password: 'password_too_short',
      confirmPassword: 'password_mismatch',
    });
    expect(checkRegistration({ ...good, password: 'ADA', confirmPassword: 'ADA' }).password).toBe('password_too_short');
    expect(checkRegistration({ ...good, username: 'adalovelace', password: 'AdaLovelace', confirmPassword: 'AdaLovelace' }).password).toBe(
      'password_equals_username',
    );
  });

  it('checks the profile', () => {
    expect(checkProfile({ displayName: 'Ada', moodLine: '', phone: '' })).toEqual({});
    expect(checkProfile({ displayName: '', moodLine: 'x'.repeat(81), phone: '12' })).toEqual({
      displayName: 'display_name_invalid',
      moodLine: 'mood_invalid',
      phone: 'phone_invalid',
    });
  });

  it('checks a password change against the username', () => {
    expect(checkPasswordChange({ oldPassword: 'old', newPassword: 'new password', confirmPassword: 'new password' }, 'ada')).toEqual({});
    expect(checkPasswordChange({ oldPassword: '', newPassword: 'adaLovelace', confirmPassword: 'x' }, 'adalovelace')).toEqual({
      oldPassword: 'field_required',
      newPassword: 'password_equals_username',
      confirmPassword: 'password_mismatch',
    });
  });
});
