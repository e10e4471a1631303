// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadDevicePreferences,
  loadDisplayName,
  saveDevicePreferences,
  saveDisplayName,
} from './preferences';

describe('preferences', () => {
  beforeEach(() => window.localStorage.clear());

  it('remembers the display name, trimmed and capped at 64 characters', () => {
    expect(loadDisplayName()).toBe('');
    saveDisplayName('  Ada  ');
    expect(loadDisplayName()).toBe('Ada');
    saveDisplayName('x'.repeat(100));
    expect(loadDisplayName()).toHaveLength(64);
  });

  it('remembers devices and ignores a damaged entry', () => {
    expect(loadDevicePreferences()).toEqual({ cameraId: '', microphoneId: '', speakerId: '' });
    saveDevicePreferences({ cameraId: 'c', microphoneId: 'm', speakerId: 's' });
    expect(loadDevicePreferences()).toEqual({ cameraId: 'c', microphoneId: 'm', speakerId: 's' });
    window.localStorage.setItem('kaihui.devices', '{not json');
    expect(loadDevicePreferences()).toEqual({ cameraId: '', microphoneId: '', speakerId: '' });
    window.localStorage.setItem('kaihui.devices', '{"cameraId":7}');
    expect(loadDevicePreferences().cameraId).toBe('');
  });

  it('does not throw when storage is unavailable', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => saveDisplayName('Ada')).not.toThrow();
    expect(loadDisplayName()).toBe('');
  });
});
