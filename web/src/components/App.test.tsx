// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStore, RECHECK_INTERVAL_MS } from '../account/accountStore';
import { AccountClient } from '../api/accountApi';
import i18n from '../i18n/i18n';
import { testAccount } from '../testing/accountTesting';
import { ADA, apiError, fakeFetch, json } from '../testing/fakeFetch';
import { navigate } from '../navigation';
import { FakeSocket } from '../testing/FakeSocket';
import { App } from './App';

/** A store whose server answers `GET /api/v1/me` with `me()`, on a clock the test moves. */
function server(me: () => Response) {
  const clock = { now: 5_000_000 };
  const fetchFn = fakeFetch((call) => (call.url === '/api/v1/me' ? me() : apiError(404, 'meeting_not_found')));
  return { store: new AccountStore(new AccountClient(fetchFn), () => clock.now), fetchFn, clock };
}

/** setVisibility makes the page hidden or visible and tells it, as the browser does. */
function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('App', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    vi.unstubAllGlobals();
  });

  it('asks the server who is signed in, once, and shows the account pages by path', async () => {
    window.history.pushState(null, '', '/register');
    const { store, fetchFn } = await testAccount('loading');
    render(<App store={store} />);
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
    await waitFor(() => expect(store.state).toEqual({ status: 'signedOut', cause: 'none' }));
    expect(document.title).toBe('Create your account · Kaihui');

    act(() => navigate('/login'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(document.title).toBe('Sign in · Kaihui');
    act(() => navigate('/'));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(fetchFn.calls.map((c) => c.url)).toEqual(['/api/v1/me']);
  });

  it('shows the profile of the signed-in person', async () => {
    window.history.pushState(null, '', '/profile');
    const { store } = await testAccount('loading');
    store.setAccount({ userId: 1, username: 'bo', displayName: 'Bo', phone: null, moodLine: null, avatarUrl: null });
    render(<App store={store} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Profile' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('on the start page, learns when the tab is back in view that the account signed in elsewhere', async () => {
    window.history.pushState(null, '', '/');
    let me = () => json(200, ADA);
    const { store, fetchFn, clock } = server(() => me());
    render(<App store={store} />);
    await waitFor(() => expect(store.account).toEqual(ADA));
    expect(screen.getByRole('button', { name: 'Account: Ada Lovelace' })).toBeTruthy();

    me = () => apiError(401, 'signed_in_elsewhere');
    clock.now += RECHECK_INTERVAL_MS;
    setVisibility('hidden');
    expect(fetchFn.calls).toHaveLength(1);
    setVisibility('visible');
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(fetchFn.calls.map((c) => c.url)).toEqual(['/api/v1/me', '/api/v1/me']);
    expect(screen.getByRole('alert').textContent).toBe('You were signed out because this account signed in elsewhere');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('alert').textContent).toBe('您的账号在其他地方登录，您已被登出');

    // Taken there once: I may still go home, where nobody is signed in now.
    act(() => navigate('/'));
    expect(window.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: '登录' })).toBeTruthy();
    clock.now += RECHECK_INTERVAL_MS;
    setVisibility('visible');
    expect(fetchFn.calls).toHaveLength(2);
  });

  it('asks again at most once per 30 s however often the tab comes back', async () => {
    window.history.pushState(null, '', '/');
    const { store, fetchFn, clock } = server(() => json(200, ADA));
    render(<App store={store} />);
    await waitFor(() => expect(store.account).toEqual(ADA));
    for (let i = 0; i < 5; i++) {
      setVisibility('visible');
      act(() => {
        window.dispatchEvent(new Event('focus'));
      });
    }
    expect(fetchFn.calls).toHaveLength(1);
    clock.now += RECHECK_INTERVAL_MS;
    for (let i = 0; i < 5; i++) setVisibility('visible');
    await waitFor(() => expect(fetchFn.calls).toHaveLength(2));
    expect(window.location.pathname).toBe('/');
  });

  it('on the pre-join screen, a session ended elsewhere goes to the sign-in page and back to the meeting', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(apiError(404, 'meeting_not_found')));
    window.history.pushState(null, '', '/m/123456789');
    const { store } = server(() => apiError(401, 'signed_in_elsewhere'));
    render(<App store={store} />);
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(window.location.search).toBe('?next=%2Fm%2F123456789');
    expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
    expect(screen.getByRole('alert').textContent).toBe('You were signed out because this account signed in elsewhere');
  });

  it('on the profile page, a password changed elsewhere goes to the sign-in page, which says so', async () => {
    window.history.pushState(null, '', '/profile');
    let me = () => json(200, ADA);
    const { store, clock } = server(() => me());
    render(<App store={store} />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Profile' })).toBeTruthy());
    me = () => apiError(401, 'password_changed');
    clock.now += RECHECK_INTERVAL_MS;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(window.location.search).toBe('?next=%2Fprofile');
    expect(screen.getByRole('alert').textContent).toBe(
      'You were signed out because the password of this account was changed.',
    );
  });

  it('leaves a plain visitor on the start page', async () => {
    window.history.pushState(null, '', '/');
    const { store } = server(() => apiError(401, 'not_signed_in'));
    render(<App store={store} />);
    await waitFor(() => expect(store.state).toEqual({ status: 'signedOut', cause: 'none' }));
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByRole('alert')).toBeNull();
  });
  describe('app connection', () => {
    let sockets: FakeSocket[];
    const clock = { now: 1_000_000 };
    const connection = {
      createSocket: (url: string) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      now: () => clock.now,
      pingIntervalMs: 100,
    };
    const socket = () => sockets[sockets.length - 1]!;
    const presence = () => document.querySelector<HTMLElement>('[data-presence]');

    beforeEach(() => {
      sockets = [];
    });

    it('opens /ws while signed in, shows my presence in the header and pings with away', async () => {
      window.history.pushState(null, '', '/profile');
      const { store } = server(() => json(200, ADA));
      render(<App store={store} connection={connection} />);
      await waitFor(() => expect(sockets).toHaveLength(1));
      expect(socket().url).toBe(`ws://${window.location.host}/ws`);
      act(() => socket().open());
      expect(socket().lastSent('ping')).toMatchObject({ away: false });
      act(() => socket().receive({ type: 'presence', userId: ADA.userId, state: 'online' }));
      const indicator = screen.getByRole('img', { name: 'Presence: Online' });
      expect(indicator.dataset.presence).toBe('online');
      act(() => socket().receive({ type: 'presence', userId: ADA.userId, state: 'in_meeting' }));
      expect(presence()!.dataset.presence).toBe('in_meeting');
      await act(() => i18n.changeLanguage('zh-CN'));
      expect(screen.getByRole('img', { name: '状态：会议中' })).toBeTruthy();
      await act(() => i18n.changeLanguage('en'));

      // Ten minutes without touching the page: the next ping says away.
      clock.now += 10 * 60_000;
      await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
      expect(socket().lastSent('ping')).toMatchObject({ away: true });
      act(() => {
        document.dispatchEvent(new Event('pointerdown'));
      });
      act(() => socket().drop(1006));
      expect(presence()!.dataset.presence).toBe('reconnecting');
      expect(screen.getByRole('img', { name: 'Presence: Reconnecting…' })).toBeTruthy();
      await waitFor(() => expect(sockets).toHaveLength(2), { timeout: 2000 });
      act(() => socket().open());
      expect(socket().lastSent('ping')).toMatchObject({ away: false });
      act(() => socket().receive({ type: 'presence', userId: ADA.userId, state: 'online' }));
      expect(presence()!.dataset.presence).toBe('online');
    });

    it('on close 4001, wherever I am, goes to the sign-in page saying why, and closes', async () => {
      window.history.pushState(null, '', '/profile');
      const { store } = server(() => json(200, ADA));
      render(<App store={store} connection={connection} />);
      await waitFor(() => expect(sockets).toHaveLength(1));
      act(() => socket().open());
      act(() => socket().drop(4001, 'signed_in_elsewhere'));
      await waitFor(() => expect(window.location.pathname).toBe('/login'));
      expect(window.location.search).toBe('?next=%2Fprofile');
      expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
      expect(screen.getByRole('alert').textContent).toBe('You were signed out because this account signed in elsewhere');
      expect(presence()).toBeNull();
      await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
      expect(sockets).toHaveLength(1);
    });

    it('opens nothing for a guest, and closes when I sign out', async () => {
      window.history.pushState(null, '', '/profile');
      const guest = server(() => apiError(401, 'not_signed_in'));
      const { unmount } = render(<App store={guest.store} connection={connection} />);
      await waitFor(() => expect(guest.store.state.status).toBe('signedOut'));
      expect(sockets).toHaveLength(0);
      unmount();

      const fetchFn = fakeFetch((call) => (call.url === '/api/v1/me' ? json(200, ADA) : new Response(null, { status: 204 })));
      const store = new AccountStore(new AccountClient(fetchFn));
      render(<App store={store} connection={connection} />);
      await waitFor(() => expect(sockets).toHaveLength(1));
      await act(() => store.signOut());
      expect(socket().closedByClient).toBe(true);
      expect(presence()).toBeNull();
    });
  });
});
