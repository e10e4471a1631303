import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('parseRoute', () => {
  it('finds the meeting number in /m/<number>', () => {
    expect(parseRoute('/m/123456789')).toEqual({ kind: 'meeting', meetingNumber: '123456789' });
    expect(parseRoute('/m/123456789/')).toEqual({ kind: 'meeting', meetingNumber: '123456789' });
  });

  it('finds the account pages', () => {
    expect(parseRoute('/login')).toEqual({ kind: 'login' });
    expect(parseRoute('/login/')).toEqual({ kind: 'login' });
    expect(parseRoute('/register')).toEqual({ kind: 'register' });
    expect(parseRoute('/profile')).toEqual({ kind: 'profile' });
  });

  it('sends everything else to the start page', () => {
    for (const path of ['/', '', '/m/', '/m/12345678', '/m/1234567890', '/m/abc', '/x/123456789', '/login/x', '/profiles', '/constructor', '/__proto__']) {
      expect(parseRoute(path)).toEqual({ kind: 'start' });
    }
  });
});
