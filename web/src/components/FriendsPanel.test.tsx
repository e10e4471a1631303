// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FriendList, FriendRequests, UserCard } from '../api/friendsApi';
import { FriendsContext } from '../friends/FriendsContext';
import { FriendsStore } from '../friends/friendsStore';
import i18n from '../i18n/i18n';
import { apiError, fakeFetch, json, noContent, type FetchCall } from '../testing/fakeFetch';
import { FriendsPanel } from './FriendsPanel';

function card(userId: number, displayName: string, relation = 'friend', moodLine: string | null = null): UserCard {
  return { userId, username: displayName.toLowerCase(), displayName, moodLine, avatarUrl: null, relation };
}

/** A small server: my friends, groups and requests, changed by the calls it gets. */
function server() {
  const state = {
    list: {
      groups: [{ groupId: 50, name: '家人' }],
      friends: [
        { user: card(2, 'Bob', 'friend', '今天开会'), groupId: 0, presence: 'offline', sinceMs: 1 },
        { user: card(3, 'Carol'), groupId: 0, presence: 'online', sinceMs: 1 },
        { user: card(4, '王小明'), groupId: 50, presence: 'in_meeting', sinceMs: 1 },
      ],
    } as FriendList,
    requests: {
      incoming: [{ requestId: 70, from: card(5, 'Dave', 'request_received'), to: card(7, 'Ada', 'none'), note: 'hi, Dave here', createdMs: 1 }],
      outgoing: [],
    } as FriendRequests,
  };
  const fetchFn = fakeFetch((call: FetchCall) => {
    if (call.url === '/api/v1/friends') return json(200, state.list);
    if (call.url === '/api/v1/friend-requests' && call.method === 'GET') return json(200, state.requests);
    if (call.url.startsWith('/api/v1/users?q=')) {
      return json(200, [card(8, 'Eve', 'none'), card(3, 'Carol', 'friend')]);
    }
    if (call.url === '/api/v1/friend-requests' && call.method === 'POST') {
      const body = call.body as { toUserId: number; note: string | null };
      if (body.toUserId !== 8) return apiError(409, 'request_pending');
      return json(201, { request: { requestId: 71, from: card(7, 'Ada'), to: card(8, 'Eve', 'request_sent'), note: body.note, createdMs: 2 }, friends: false });
    }
    if (call.url === '/api/v1/friend-requests/70/accept') {
      state.requests = { incoming: [], outgoing: [] };
      state.list = { ...state.list, friends: [...state.list.friends, { user: card(5, 'Dave'), groupId: 0, presence: 'online', sinceMs: 3 }] };
      return noContent();
    }
    return apiError(404, 'not_found');
  });
  return { state, fetchFn };
}

function renderPanel(fetchFn: ReturnType<typeof server>['fetchFn']) {
  const store = new FriendsStore(fetchFn);
  render(
    <FriendsContext value={store}>
      <FriendsPanel fetchFn={fetchFn} />
    </FriendsContext>,
  );
  return store;
}

describe('FriendsPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows my friends in their groups, online first, with presence and mood line', async () => {
    const { fetchFn } = server();
    renderPanel(fetchFn);
    expect(screen.getByText('Loading your friends…')).toBeTruthy();
    const mine = await screen.findByRole('list', { name: 'My friends' });
    const rows = within(mine).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.friend-row__name')!.textContent)).toEqual(['Carol', 'Bob']);
    expect(rows[0]!.getAttribute('data-presence')).toBe('online');
    expect(rows[1]!.textContent).toContain('Offline');
    expect(rows[1]!.textContent).toContain('今天开会');
    const family = screen.getByRole('list', { name: '家人' });
    expect(family.textContent).toContain('王小明');
    expect(family.textContent).toContain('In a meeting');
    // Carol and 王小明 count as online: 2 of 3.
    expect(screen.getByText('2 of 3 online')).toBeTruthy();
    expect(screen.getByLabelText('1 of 2 online')).toBeTruthy();

    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('list', { name: '我的好友' })).toBeTruthy();
    expect(screen.getByText('2/3 在线')).toBeTruthy();
  });

  it('follows a friend’s presence from the connection without loading again', async () => {
    const { fetchFn } = server();
    const store = renderPanel(fetchFn);
    await screen.findByRole('list', { name: 'My friends' });
    const loads = fetchFn.calls.length;
    act(() => store.presence(2, 'online'));
    const rows = within(screen.getByRole('list', { name: 'My friends' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-presence'))).toEqual(['online', 'online']);
    act(() => store.presence(99, 'online'));
    act(() => store.presence(2, 'nonsense'));
    expect(fetchFn.calls.length).toBe(loads);
  });

  it('accepts a request, and the new friend appears', async () => {
    const { fetchFn } = server();
    renderPanel(fetchFn);
    const requests = await screen.findByRole('region', { name: 'Friend requests' });
    expect(requests.textContent).toContain('hi, Dave here');
    fireEvent.click(within(requests).getByRole('button', { name: 'Accept Dave' }));
    expect(await screen.findByText('Dave')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Friend requests' })).toBeNull();
    expect(fetchFn.calls.some((c) => c.url === '/api/v1/friend-requests/70/accept' && c.method === 'POST')).toBe(true);
  });

  it('finds people and sends a request with a note; a refusal says why', async () => {
    const { fetchFn } = server();
    renderPanel(fetchFn);
    await screen.findByRole('list', { name: 'My friends' });
    fireEvent.change(screen.getByLabelText('Find people'), { target: { value: 'e' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const found = await screen.findByRole('list', { name: 'People found' });
    expect(within(found).getByText('Friend')).toBeTruthy();
    fireEvent.click(within(found).getByRole('button', { name: 'Add Eve as a friend' }));
    const form = screen.getByRole('form', { name: 'Add Eve as a friend' });
    fireEvent.change(within(form).getByLabelText('Note (optional)'), { target: { value: '  Hello Eve ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Request sent to Eve')).toBeTruthy();
    const sent = fetchFn.calls.find((c) => c.method === 'POST' && c.url === '/api/v1/friend-requests');
    expect(sent!.body).toEqual({ toUserId: 8, note: 'Hello Eve' });
    expect(sent!.headers['X-Kaihui-Request']).toBe('1');
    expect(within(found).getByText('Request sent')).toBeTruthy();
  });

  it('says when the list cannot be loaded, and tries again', async () => {
    let fail = true;
    const { fetchFn: good } = server();
    const fetchFn = fakeFetch((call) => (fail ? apiError(500, 'server_error') : good(call.url, { method: call.method })));
    renderPanel(fetchFn);
    expect((await screen.findByRole('alert')).textContent).toContain('Your friends could not be loaded.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'My friends' })).toBeTruthy();
  });

  it('shows nothing without a friends store (nobody signed in)', () => {
    const { container } = render(<FriendsPanel fetchFn={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });
});
