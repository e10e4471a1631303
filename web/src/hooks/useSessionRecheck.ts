import { useEffect } from 'react';
import type { AccountStore } from '../account/accountStore';

/**
 * useSessionRecheck asks the server again whether the session is still live whenever the page
 * comes back into view (`visibilitychange` to visible) or its window gets the focus, so that a
 * tab left open learns without a reload that the account signed in elsewhere. The store asks
 * only while someone is signed in, and at most once per `RECHECK_INTERVAL_MS` (30 s).
 */
export function useSessionRecheck(store: AccountStore): void {
  useEffect(() => {
    const onBack = () => {
      if (document.visibilityState === 'visible') void store.recheck();
    };
    document.addEventListener('visibilitychange', onBack);
    window.addEventListener('focus', onBack);
    return () => {
      document.removeEventListener('visibilitychange', onBack);
      window.removeEventListener('focus', onBack);
    };
  }, [store]);
}
