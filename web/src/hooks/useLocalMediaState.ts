import { useSyncExternalStore } from 'react';
import type { LocalMedia, LocalMediaState } from '../media/LocalMedia';

/** useLocalMediaState returns the LocalMedia's tracks and errors, re-rendering on every change. */
export function useLocalMediaState(media: LocalMedia): LocalMediaState {
  return useSyncExternalStore(media.subscribe, media.getState);
}
