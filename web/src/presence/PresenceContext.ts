import { createContext } from 'react';
import type { PresenceDisplay } from './presenceDisplay';

/**
 * My presence as the header shows it, provided by App while someone is signed in; null without
 * an app connection (signed out, or a component rendered on its own in a test).
 */
export const PresenceContext = createContext<PresenceDisplay | null>(null);
