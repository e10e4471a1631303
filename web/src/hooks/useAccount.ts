import { useContext, useSyncExternalStore } from 'react';
import type { Account } from '../api/accountApi';
import { AccountContext } from '../account/AccountContext';
import type { AccountState, AccountStore } from '../account/accountStore';

/**
 * useAccount returns who is signed in, re-rendering on every change: the store's state, the
 * account (null unless signed in), and the store itself for signing in or out and saving.
 */
export function useAccount(): { state: AccountState; account: Account | null; store: AccountStore } {
  const store = useContext(AccountContext);
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  return { state, account: state.status === 'signedIn' ? state.account : null, store };
}
