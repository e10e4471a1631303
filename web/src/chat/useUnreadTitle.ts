import { fileOf } from '../api/filesApi';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ChatStore } from './chatStore';

const NO_STORE = { subscribe: () => () => undefined, unread: () => 0 };

/** badgeTitle puts the unread count before a page title: "(3) Kaihui". */
export function badgeTitle(title: string, unread: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, '');
  return unread > 0 ? `(${unread > 99 ? '99+' : unread}) ${bare}` : bare;
}

/**
 * useUnreadTitle shows my unread messages in the tab's title, whatever page sets the title, and
 * a browser notification (when permitted) for a message that arrives while the page is hidden.
 */
export function useUnreadTitle(chat: ChatStore | null): void {
  const unread = useSyncExternalStore(
    chat?.subscribe ?? NO_STORE.subscribe,
    () => chat?.unreadTotal ?? NO_STORE.unread(),
  );
  const before = useRef(unread);
  useEffect(() => {
    const apply = () => {
      const next = badgeTitle(document.title, unread);
      if (next !== document.title) document.title = next;
    };
    apply();
    // Pages set their own titles later: keep the badge in front.
    const observer = new MutationObserver(apply);
    const title = document.querySelector('title');
    if (title !== null) observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [unread]);
  useEffect(() => {
    if (
      unread > before.current &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted' &&
      document.visibilityState === 'hidden'
    ) {
      const newest = chat?.state.conversations[0];
      const last = newest?.last;
      if (newest && last) {
        const from = newest.members.find((m) => m.userId === last.senderId)?.displayName ?? '';
        const title = newest.kind === 'group' && newest.title ? `${from} · ${newest.title}` : from;
        new Notification(title, { body: last.kind === 'text' ? last.body.slice(0, 100) : last.kind === 'file' ? `📄 ${fileOf(last)?.name ?? ''}` : '📞' });
      }
    }
    before.current = unread;
  }, [unread, chat]);
}
