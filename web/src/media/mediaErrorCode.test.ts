import { describe, expect, it } from 'vitest';
import { mediaErrorCode } from './mediaErrorCode';

describe('mediaErrorCode', () => {
  it('classifies getUserMedia failures by name', () => {
    const cases: Array<[string, string]> = [
      ['NotAllowedError', 'permission_denied'],
      ['SecurityError', 'permission_denied'],
      ['NotFoundError', 'not_found'],
      ['OverconstrainedError', 'not_found'],
      ['NotReadableError', 'in_use'],
      ['AbortError', 'in_use'],
      ['TypeError', 'unknown'],
    ];
    for (const [name, code] of cases) {
      expect(mediaErrorCode(new DOMException('x', name))).toBe(code);
    }
  });

  it('gives unknown for anything that is not an error', () => {
    expect(mediaErrorCode(undefined)).toBe('unknown');
    expect(mediaErrorCode('NotAllowedError')).toBe('unknown');
  });
});
