import { ApiError } from '../api/ApiError';
import {
  getFriendRequests,
  getFriends,
  type FriendList,
  type FriendRequestView,
  type FriendRequests,
} from '../api/friendsApi';
import type { Fetch } from '../api/request';
import { isPresenceState, type PresenceState } from '../protocol/messages';

/** What the friends panel shows. */
export interface FriendsState {
  /** `loading` before the first answer, `ready`, or `error` when the last load failed. */
  status: 'loading' | 'ready' | 'error';
  list: FriendList;
  requests: FriendRequests;
  /** The error code of the last failed load, for the message. */
  error: string | null;
}

const EMPTY: FriendsState = {
  status: 'loading',
  list: { groups: [], friends: [] },
  requests: { incoming: [], outgoing: [] },
  error: null,
};

/**
 * FriendsStore holds my friends, groups and friend requests for the page, loaded from the REST
 * API and kept current by the app connection's events: a friend's `presence` changes one row, a
 * `friendRequest` adds an incoming request, `friendsChanged` (or a reconnect, after which
 * events may have been missed) loads everything again. Components read it with
 * `useSyncExternalStore(store.subscribe, () => store.state)`.
 */
export class FriendsStore {
  private current: FriendsState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private generation = 0;

  constructor(private readonly fetchFn?: Fetch) {}

  get state(): FriendsState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** load fetches friends and requests; a later load wins over an earlier one still running. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      const [list, requests] = await Promise.all([getFriends(this.fetchFn), getFriendRequests(this.fetchFn)]);
      if (generation !== this.generation) return;
      this.set({ status: 'ready', list, requests, error: null });
    } catch (e) {
      if (generation !== this.generation) return;
      this.set({ ...this.current, status: 'error', error: e instanceof ApiError ? e.code : 'unknown' });
    }
  }

  /** presence applies a friend's `presence` event; anybody else's is ignored. */
  presence(userId: number, state: string): void {
    if (!isPresenceState(state)) return;
    const friends = this.current.list.friends;
    if (!friends.some((f) => f.user.userId === userId && f.presence !== state)) return;
    this.set({
      ...this.current,
      list: {
        ...this.current.list,
        friends: friends.map((f) => (f.user.userId === userId ? { ...f, presence: state } : f)),
      },
    });
  }

  /** requestReceived applies a `friendRequest` event: it is listed first, once. */
  requestReceived(request: FriendRequestView): void {
    const incoming = this.current.requests.incoming.filter((r) => r.requestId !== request.requestId);
    this.set({ ...this.current, requests: { ...this.current.requests, incoming: [request, ...incoming] } });
  }

  private set(next: FriendsState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

/** The order of presence in a group: who can talk now first. */
const PRESENCE_ORDER: Record<PresenceState, number> = { online: 0, in_meeting: 1, away: 2, offline: 3 };

/** presenceRank sorts presence states: online, in a meeting, away, offline (unknown last). */
export function presenceRank(state: string): number {
  return isPresenceState(state) ? PRESENCE_ORDER[state] : 4;
}

/** isReachable tells whether a friend counts as online in a group's "online / all" count. */
export function isReachable(state: string): boolean {
  return state === 'online' || state === 'in_meeting' || state === 'away';
}
