import { createContext } from 'react';
import type { FriendsStore } from './friendsStore';

/**
 * My friends, groups and requests, provided by App while someone is signed in (a store per
 * account, kept current by the app connection); null when nobody is signed in.
 */
export const FriendsContext = createContext<FriendsStore | null>(null);
