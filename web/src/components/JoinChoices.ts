import type { DevicePreferences } from '../preferences';

/** What I chose before joining (and what a rejoin reuses). */
export interface JoinChoices extends DevicePreferences {
  displayName: string;
  audioMuted: boolean;
  cameraOn: boolean;
}
