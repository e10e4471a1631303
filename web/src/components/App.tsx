import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountContext, defaultAccountStore } from '../account/AccountContext';
import { isForcedSignOut, type AccountState, type AccountStore } from '../account/accountStore';
import { accountPagePath } from '../account/returnPath';
import type { Fetch } from '../api/request';
import { CallContext } from '../call/CallContext';
import { CallStore } from '../call/callStore';
import { meetingPath } from '../meeting/meetingNumber';
import { ChatContext } from '../chat/ChatContext';
import { ChatStore } from '../chat/chatStore';
import { useUnreadTitle } from '../chat/useUnreadTitle';
import { FriendsContext } from '../friends/FriendsContext';
import { FriendsStore } from '../friends/friendsStore';
import { usePathname } from '../hooks/usePathname';
import { useSessionRecheck } from '../hooks/useSessionRecheck';
import { navigate } from '../navigation';
import { PresenceContext } from '../presence/PresenceContext';
import { useAppConnection, type AppConnectionSetup } from '../presence/useAppConnection';
import { parseRoute } from '../route';
import { CallDialog } from './CallDialog';
import { MeetingRoute } from './MeetingRoute';
import { ProfilePage } from './ProfilePage';
import { RegisterPage } from './RegisterPage';
import { SignInPage } from './SignInPage';
import { StartPage } from './StartPage';

/**
 * App shows the screen of the current path: the start page, a meeting at `/m/<number>`, or the
 * account pages `/login`, `/register` and `/profile`. It asks the server who is signed in when
 * it starts and again when the page comes back into view; when the server has signed this
 * browser out (the account signed in elsewhere, the password changed...), whatever the page, it
 * goes to the sign-in page, which says why and comes back here. While someone is signed in it
 * keeps the app connection open (my presence in the header, my friends' presence and requests,
 * and the server's sign-out at once).
 */
export function App({
  store = defaultAccountStore,
  connection,
  fetchFn,
}: {
  store?: AccountStore;
  /** Replaces the app connection's WebSocket factory and activity clock (tests). */
  connection?: AppConnectionSetup;
  /** Replaces fetch for the friends store (tests). */
  fetchFn?: Fetch;
}) {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  // The forced sign-out already taken to the sign-in page: once, so that I may leave it.
  const redirected = useRef<AccountState | null>(null);
  useEffect(() => {
    void store.load();
  }, [store]);
  useSessionRecheck(store);
  const userId = state.status === 'signedIn' ? state.account.userId : null;
  // A new store per account: nothing of one person's friends shows for the next.
  const friends = useMemo(() => (userId === null ? null : new FriendsStore(fetchFn)), [userId, fetchFn]);
  const chat = useMemo(() => (userId === null ? null : new ChatStore(userId, fetchFn)), [userId, fetchFn]);
  const calls = useMemo(
    () => (userId === null ? null : new CallStore((number) => navigate(meetingPath(number)), fetchFn)),
    [userId, fetchFn],
  );
  const presence = useAppConnection(store, connection, friends, chat, calls);
  useUnreadTitle(chat);
  useEffect(() => {
    if (state.status !== 'signedOut' || !isForcedSignOut(state.cause) || redirected.current === state) return;
    redirected.current = state;
    if (route.kind === 'login' || route.kind === 'register') return;
    navigate(accountPagePath('/login', pathname), { replace: true });
  }, [state, route.kind, pathname]);
  useEffect(() => {
    if (route.kind === 'start') document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [route.kind, t]);
  return (
    <AccountContext value={store}>
      <PresenceContext value={presence}>
        <FriendsContext value={friends}>
          <ChatContext value={chat}>
            <CallContext value={calls}>
              {screen(route)}
              <CallDialog />
            </CallContext>
          </ChatContext>
        </FriendsContext>
      </PresenceContext>
    </AccountContext>
  );
}

function screen(route: ReturnType<typeof parseRoute>) {
  switch (route.kind) {
    case 'meeting':
      // A new key per meeting number: a different meeting starts from its pre-join screen.
      return <MeetingRoute key={route.meetingNumber} meetingNumber={route.meetingNumber} />;
    case 'login':
      return <SignInPage />;
    case 'register':
      return <RegisterPage />;
    case 'profile':
      return <ProfilePage />;
    case 'start':
      return <StartPage />;
  }
}
