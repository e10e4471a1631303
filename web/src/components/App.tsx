import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountContext, defaultAccountStore } from '../account/AccountContext';
import { isForcedSignOut, type AccountState, type AccountStore } from '../account/accountStore';
import { accountPagePath } from '../account/returnPath';
import { usePathname } from '../hooks/usePathname';
import { useSessionRecheck } from '../hooks/useSessionRecheck';
import { navigate } from '../navigation';
import { PresenceContext } from '../presence/PresenceContext';
import { useAppConnection, type AppConnectionSetup } from '../presence/useAppConnection';
import { parseRoute } from '../route';
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
 * keeps the app connection open (my presence in the header, and the server's sign-out at once).
 */
export function App({
  store = defaultAccountStore,
  connection,
}: {
  store?: AccountStore;
  /** Replaces the app connection's WebSocket factory and activity clock (tests). */
  connection?: AppConnectionSetup;
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
  const presence = useAppConnection(store, connection);
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
      <PresenceContext value={presence}>{screen(route)}</PresenceContext>
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
