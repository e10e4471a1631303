/**
 * What the browser remembers between visits, in localStorage under `kaihui.*` keys. Storage can
 * be missing or full (private windows): reads then give the default and writes do nothing.
 */

/** The media devices last chosen (device ids from enumerateDevices; '' means the default). */
export interface DevicePreferences {
  cameraId: string;
  microphoneId: string;
  speakerId: string;
}

const KEYS = {
  displayName: 'kaihui.displayName',
  language: 'kaihui.language',
  devices: 'kaihui.devices',
} as const;

/** The localStorage key of the chosen language (read by the i18next language detector). */
export const LANGUAGE_KEY = KEYS.language;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/** loadDisplayName returns the display name last used, or ''. */
export function loadDisplayName(): string {
  return read(KEYS.displayName) ?? '';
}

/** saveDisplayName remembers the display name (trimmed, at most 64 characters). */
export function saveDisplayName(name: string): void {
  write(KEYS.displayName, name.trim().slice(0, 64));
}

/** saveLanguage remembers the language chosen with the language switch. */
export function saveLanguage(language: string): void {
  write(KEYS.language, language);
}

/** loadDevicePreferences returns the devices last chosen ('' for each one never chosen). */
export function loadDevicePreferences(): DevicePreferences {
  const none: DevicePreferences = { cameraId: '', microphoneId: '', speakerId: '' };
  const raw = read(KEYS.devices);
  if (raw === null) return none;
  try {
    const parsed = JSON.parse(raw) as Partial<Record<keyof DevicePreferences, unknown>>;
    return {
      cameraId: typeof parsed.cameraId === 'string' ? parsed.cameraId : '',
      microphoneId: typeof parsed.microphoneId === 'string' ? parsed.microphoneId : '',
      speakerId: typeof parsed.speakerId === 'string' ? parsed.speakerId : '',
    };
  } catch {
    return none;
  }
}

/** saveDevicePreferences remembers the chosen devices. */
export function saveDevicePreferences(devices: DevicePreferences): void {
  write(KEYS.devices, JSON.stringify(devices));
}
