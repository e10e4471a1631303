import { describe, expect, it } from 'vitest';
import { accountPagePath, returnPathFrom, safeReturnPath } from './returnPath';

describe('returnPath', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnPath('/m/123456789')).toBe('/m/123456789');
    expect(safeReturnPath('/profile?tab=1')).toBe('/profile?tab=1');
  });

  it('refuses other sites, odd input and the account pages themselves', () => {
    for (const bad of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'm/1', '/a\nb', '/login', '/login?next=/x', '/register/', 'javascript:alert(1)']) {
      expect(safeReturnPath(bad), String(bad)).toBe('/');
    }
    expect(safeReturnPath('/loginx')).toBe('/loginx');
  });

  it('reads ?next= and builds the sign-in and registration paths', () => {
    expect(returnPathFrom('?next=%2Fm%2F123456789')).toBe('/m/123456789');
    expect(returnPathFrom('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(returnPathFrom('')).toBe('/');
    expect(accountPagePath('/login', '/m/123456789')).toBe('/login?next=%2Fm%2F123456789');
    expect(accountPagePath('/register', '/')).toBe('/register');
    expect(accountPagePath('/login', '//evil.example')).toBe('/login');
  });
});
