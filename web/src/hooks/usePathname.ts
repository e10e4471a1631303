import { useSyncExternalStore } from 'react';
import { subscribeToPath } from '../navigation';

/** usePathname returns `location.pathname`, re-rendering when `navigate` or back/forward changes it. */
export function usePathname(): string {
  return useSyncExternalStore(subscribeToPath, () => window.location.pathname);
}
