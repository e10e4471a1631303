import { useContext, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fetch } from '../api/request';
import { FriendsContext } from '../friends/FriendsContext';
import { isReachable, type FriendsStore } from '../friends/friendsStore';
import { errorKey } from '../i18n/errorKey';
import { FriendGroups } from './FriendGroups';
import { FriendRequestList } from './FriendRequestList';
import { FriendSearch } from './FriendSearch';
import { GroupChats } from './GroupChats';
import { Icon } from './Icon';

/**
 * FriendsPanel ("Friends", for a signed-in person): how many friends are online, "Find people",
 * the friend requests to and from me, and my friends in their groups with live presence. It
 * reads the page's friends store (kept current by the app connection) and loads it again after
 * each change made here. A request that arrives while the page is hidden shows in the title and,
 * when permitted, as a browser notification.
 */
export function FriendsPanel({ fetchFn }: { fetchFn?: Fetch }) {
  const store = useContext(FriendsContext);
  if (store === null) return null;
  return <FriendsPanelOf store={store} fetchFn={fetchFn} />;
}

function FriendsPanelOf({ store, fetchFn }: { store: FriendsStore; fetchFn?: Fetch }) {
  const { t } = useTranslation();
  const headingId = useId();
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  const reload = () => void store.load();
  // Messages, calls and requests can show as browser notifications once allowed.
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  useEffect(() => {
    if (state.status === 'loading') void store.load();
    // Only the first time: later loads come from the connection and from changes made here.
  }, [store]);
  useRequestNotice(
    state.status === 'ready',
    state.requests.incoming.map((r) => ({ id: r.requestId, name: r.from.displayName })),
  );

  const online = state.list.friends.filter((f) => isReachable(f.presence)).length;
  return (
    <aside className="card friends" aria-labelledby={headingId} aria-busy={state.status === 'loading'}>
      <header className="friends__header">
        <h2 id={headingId}>{t('friends.title')}</h2>
        {state.status === 'ready' && (
          <span className="hint">{t('friends.online', { online, count: state.list.friends.length })}</span>
        )}
      </header>
      {permission === 'default' && (
        <button
          type="button"
          className="link-button friends__notify"
          onClick={() => {
            void Notification.requestPermission().then(setPermission, () => undefined);
          }}
        >
          {t('friends.notifications')}
        </button>
      )}
      <FriendSearch fetchFn={fetchFn} onChanged={reload} />
      <FriendRequestList requests={state.requests} fetchFn={fetchFn} onChanged={reload} />
      {state.status === 'loading' && <p className="hint">{t('friends.loading')}</p>}
      {state.status === 'error' && (
        <div className="friends__failed">
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {t('friends.failed')} {t(errorKey(state.error))}
          </p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('friends.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.list.friends.length === 0 && state.list.groups.length === 0 && (
        <p className="hint">{t('friends.none')}</p>
      )}
      {state.status !== 'loading' && <FriendGroups list={state.list} fetchFn={fetchFn} onChanged={reload} />}
      {state.status !== 'loading' && <GroupChats friends={state.list.friends} fetchFn={fetchFn} />}
    </aside>
  );
}

/**
 * useRequestNotice tells of friend requests that arrive after the page loaded: a browser
 * notification when the page is hidden and notifications are permitted.
 */
function useRequestNotice(ready: boolean, incoming: Array<{ id: number; name: string }>) {
  const { t } = useTranslation();
  const seen = useRef<Set<number> | null>(null);
  const key = incoming.map((r) => r.id).join(',');
  useEffect(() => {
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(incoming.map((r) => r.id));
      return;
    }
    for (const r of incoming) {
      if (seen.current.has(r.id)) continue;
      seen.current.add(r.id);
      if (
        typeof Notification !== 'undefined' &&
        Notification.permission === 'granted' &&
        document.visibilityState === 'hidden'
      ) {
        new Notification(t('friends.newRequest', { name: r.name }));
      }
    }
  }, [ready, key]);
}
