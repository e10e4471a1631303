import { describe, expect, it } from 'vitest';
import type { CallView } from '../api/callsApi';
import { apiError, fakeFetch, json, noContent } from '../testing/fakeFetch';
import { CallStore } from './callStore';

const card = (userId: number, displayName: string) => ({
  userId,
  username: displayName.toLowerCase(),
  displayName,
  moodLine: null,
  avatarUrl: null,
  relation: 'friend',
});
const CALL: CallView = { callId: 9, caller: card(7, 'Ada'), callee: card(8, 'Bob'), startedMs: 1, ringMs: 30_000 };

describe('CallStore', () => {
  it('rings out, and goes to the meeting when the friend accepts', async () => {
    const joined: string[] = [];
    const fetchFn = fakeFetch(() => json(201, CALL));
    const store = new CallStore((n) => joined.push(n), fetchFn);
    await store.call(8, 'Bob');
    expect(store.state.outgoing?.callId).toBe(9);
    expect(fetchFn.calls[0]!.body).toEqual({ userId: 8 });
    store.accepted(99, '111222333'); // another call: not mine
    expect(joined).toEqual([]);
    store.accepted(9, '123456789');
    expect(joined).toEqual(['123456789']);
    expect(store.state.outgoing).toBeNull();
  });

  it('rings in; accepting goes to the meeting, and a call accepted elsewhere stops ringing here', async () => {
    const joined: string[] = [];
    const fetchFn = fakeFetch((call) =>
      call.url.endsWith('/accept') ? json(200, { meetingNumber: '555666777' }) : noContent(),
    );
    const store = new CallStore((n) => joined.push(n), fetchFn);
    store.incoming(CALL);
    await store.accept();
    expect(joined).toEqual(['555666777']);
    store.accepted(9, '555666777');
    expect(joined).toHaveLength(1);

    const other = new CallStore((n) => joined.push(n), fetchFn);
    other.incoming(CALL);
    other.accepted(9, '555666777');
    expect(other.state.incoming).toBeNull();
    expect(joined).toHaveLength(1);
  });

  it('says why a call ended, and that a busy friend is busy', async () => {
    const store = new CallStore(() => undefined, fakeFetch(() => apiError(409, 'busy')));
    await store.call(8, 'Bob');
    expect(store.state.ended).toEqual({ reason: 'busy', name: 'Bob' });
    store.dismiss();
    store.incoming(CALL);
    store.ended(9, 'cancelled');
    expect(store.state).toMatchObject({ incoming: null, ended: { reason: 'cancelled', name: 'Ada' } });
    store.ended(9, 'missed'); // nothing rings any more: ignored
    expect(store.state.ended?.reason).toBe('cancelled');
  });
});
