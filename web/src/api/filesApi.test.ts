import { describe, expect, it } from 'vitest';
import { contentUrl, fileOf, formatBytes } from './filesApi';

describe('filesApi', () => {
  it('reads the file of a file message and nothing else', () => {
    const body = JSON.stringify({ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: '报告.pdf', sizeBytes: 12, mediaType: 'application/pdf', sha256: 'ab', createdMs: 5 });
    expect(fileOf({ kind: 'file', body })?.name).toBe('报告.pdf');
    expect(fileOf({ kind: 'text', body })).toBeNull();
    for (const garbage of ['', 'null', '{', '[]', '{"id":1}', '{"id":"x","name":"y"}']) {
      expect(fileOf({ kind: 'file', body: garbage })).toBeNull();
    }
    const bare = JSON.stringify({ id: 'x', name: 'y', sizeBytes: 3 });
    const message = { kind: 'file', body: bare };
    expect(fileOf(message)?.mediaType).toBe('application/octet-stream');
  });

  it('writes sizes for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 GB');
  });

  it('escapes ids in links', () => {
    expect(contentUrl('a/b')).toBe('/api/v1/files/a%2Fb/content');
    expect(contentUrl('x', true)).toBe('/api/v1/files/x/content?inline=1');
  });
});
