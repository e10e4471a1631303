import { createContext } from 'react';
import type { CallStore } from './callStore';

/** My calls, provided by App while someone is signed in. */
export const CallContext = createContext<CallStore | null>(null);
