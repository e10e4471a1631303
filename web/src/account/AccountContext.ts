import { createContext } from 'react';
import { AccountStore } from './accountStore';

/** The page's account store; nothing asks the server until `load` is called (App does). */
export const defaultAccountStore = new AccountStore();

/**
 * The account store the components below use: the page's own by default, a store with a fake
 * client in tests (`<AccountContext value={store}>`).
 */
export const AccountContext = createContext<AccountStore>(defaultAccountStore);
