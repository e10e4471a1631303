import { createContext } from 'react';
import type { ChatStore } from './chatStore';

/** My conversations and the open chat, provided by App while someone is signed in. */
export const ChatContext = createContext<ChatStore | null>(null);
