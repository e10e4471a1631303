import { describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationView } from '../api/chatApi';
import { apiError, fakeFetch, json, noContent, type FetchCall } from '../testing/fakeFetch';
import { ChatStore, merge, TYPING_SHOWN_MS, type ShownMessage } from './chatStore';
import { badgeTitle } from './useUnreadTitle';

const ME = 7;
const BOB = 8;
const CONVERSATION = 500;

function message(seq: number, senderId: number, body: string, clientId = `c-${seq}`): ChatMessage {
  return { conversationId: CONVERSATION, seq, clientId, senderId, kind: 'text', body, createdMs: 1000 + seq };
}

function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    conversationId: CONVERSATION,
    kind: 'direct',
    title: null,
    ownerId: 0,
    members: [
      { userId: ME, username: 'ada', displayName: 'Ada', moodLine: null, avatarUrl: null, relation: 'self' },
      { userId: BOB, username: 'bob', displayName: 'Bob', moodLine: null, avatarUrl: null, relation: 'friend' },
    ],
    last: null,
    unread: 0,
    readSeq: 0,
    othersDeliveredSeq: 0,
    othersReadSeq: 0,
    ...overrides,
  };
}

/** A server with one conversation holding `stored`; sending fails while `offline` is set. */
function server(stored: ChatMessage[]) {
  const state = { offline: false, stored: [...stored] };
  const fetchFn = fakeFetch((call: FetchCall) => {
    if (call.url === '/api/v1/conversations') return json(200, [conversation({ unread: 2, last: state.stored.at(-1) ?? null })]);
    if (call.url === '/api/v1/conversations/direct') return json(200, conversation());
    if (call.url.startsWith(`/api/v1/conversations/${CONVERSATION}/messages?`)) return json(200, state.stored);
    if (call.url === `/api/v1/conversations/${CONVERSATION}/messages` && call.method === 'POST') {
      if (state.offline) return Promise.reject(new TypeError('network down'));
      const body = call.body as { clientId: string; text: string };
      const known = state.stored.find((m) => m.clientId === body.clientId);
      if (known) return json(201, known);
      const m = message(state.stored.length + 1, ME, body.text, body.clientId);
      state.stored.push(m);
      return json(201, m);
    }
    if (call.url.endsWith('/marks') || call.url.endsWith('/typing')) return noContent();
    return apiError(404, 'not_found');
  });
  return { state, fetchFn };
}

describe('merge', () => {
  it('keeps one copy of each message, the stored one, in order, unsent ones last', () => {
    const sending: ShownMessage = { ...message(0, ME, 'hi', 'x'), status: 'sending' };
    const stored: ShownMessage = { ...message(3, ME, 'hi', 'x'), status: 'sent' };
    const older: ShownMessage = { ...message(1, BOB, 'first'), status: 'sent' };
    const list = merge([sending], [older]);
    expect(list.map((m) => m.body)).toEqual(['first', 'hi']);
    const merged = merge(list, [stored, stored]);
    expect(merged.map((m) => [m.seq, m.status])).toEqual([
      [1, 'sent'],
      [3, 'sent'],
    ]);
    // The same client id from another sender is another message.
    expect(merge(merged, [{ ...stored, senderId: BOB, seq: 4 }])).toHaveLength(3);
  });
});

describe('ChatStore', () => {
  it('opens a chat, reads it, and sends a message shown at once then stored', async () => {
    const { state, fetchFn } = server([message(1, BOB, 'hello'), message(2, BOB, 'are you there?')]);
    const store = new ChatStore(ME, fetchFn, () => 5000, () => true);
    await store.load();
    expect(store.unreadTotal).toBe(2);
    expect(store.unreadFrom(BOB)).toBe(2);
    await store.openWith(BOB);
    expect(store.state.open!.messages.map((m) => m.body)).toEqual(['hello', 'are you there?']);
    expect(store.unreadTotal).toBe(0);
    expect(fetchFn.calls.find((c) => c.url.endsWith('/marks'))!.body).toEqual({ deliveredSeq: 2, readSeq: 2 });

    const sending = store.send('yes 👋');
    expect(store.state.open!.messages.at(-1)).toMatchObject({ body: 'yes 👋', status: 'sending', seq: 0 });
    await sending;
    expect(store.state.open!.messages.at(-1)).toMatchObject({ body: 'yes 👋', status: 'sent', seq: 3 });
    // Its event comes too: still one copy.
    store.messageReceived(state.stored[2]!);
    expect(store.state.open!.messages).toHaveLength(3);
    expect(store.state.conversations[0]!.last!.body).toBe('yes 👋');
  });

  it('keeps a message that could not be sent, and resends it with the same id', async () => {
    const { state, fetchFn } = server([]);
    const store = new ChatStore(ME, fetchFn, () => 5000, () => true);
    await store.load();
    await store.openWith(BOB);
    state.offline = true;
    await store.send('lost?');
    const failed = store.state.open!.messages[0]!;
    expect(failed).toMatchObject({ status: 'failed', error: 'network' });
    state.offline = false;
    // A reconnect loads again and resends it.
    await store.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.state.open!.messages).toEqual([expect.objectContaining({ body: 'lost?', status: 'sent', seq: 1 })]);
    expect(state.stored).toHaveLength(1);
    const posts = fetchFn.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/messages'));
    expect(new Set(posts.map((c) => (c.body as { clientId: string }).clientId)).size).toBe(1);
  });

  it('counts unread messages of a chat that is not open, and marks them received', async () => {
    const { fetchFn } = server([]);
    const store = new ChatStore(ME, fetchFn, () => 5000, () => true);
    await store.load();
    const before = store.unreadTotal;
    store.messageReceived(message(3, BOB, 'ping'));
    store.messageReceived(message(3, BOB, 'ping'));
    expect(store.unreadTotal).toBe(before + 1);
    const marks = fetchFn.calls.filter((c) => c.url.endsWith('/marks'));
    expect(marks.at(-1)!.body).toEqual({ deliveredSeq: 3, readSeq: 0 });
  });

  it('shows receipts and typing from the other side only', async () => {
    let now = 10_000;
    const { fetchFn } = server([message(1, ME, 'mine')]);
    const store = new ChatStore(ME, fetchFn, () => now, () => true);
    await store.load();
    await store.openWith(BOB);
    store.receiptChanged(CONVERSATION, BOB, 1, 1);
    store.receiptChanged(CONVERSATION, ME, 0, 0);
    expect(store.state.open!.conversation.othersReadSeq).toBe(1);
    store.receiptChanged(CONVERSATION, BOB, 0, 0);
    expect(store.state.open!.conversation.othersReadSeq).toBe(1);
    store.typingChanged(CONVERSATION, BOB);
    expect(store.state.open!.typingUntil).toBe(now + TYPING_SHOWN_MS);
    store.typingChanged(CONVERSATION, ME);
    expect(store.state.open!.typingUntil).toBe(now + TYPING_SHOWN_MS);
    // My own typing is sent at most every 3 s.
    store.typing();
    store.typing();
    now += 3000;
    store.typing();
    expect(fetchFn.calls.filter((c) => c.url.endsWith('/typing'))).toHaveLength(2);
  });

  it('says why a chat cannot be opened', async () => {
    const fetchFn = fakeFetch(() => apiError(403, 'not_friends'));
    const store = new ChatStore(ME, fetchFn, () => 0, () => true);
    await store.openWith(BOB);
    expect(store.state.open).toBeNull();
    expect(store.state.error).toBe('not_friends');
  });
});

describe('badgeTitle', () => {
  it('puts the unread count in front of the title, once', () => {
    expect(badgeTitle('Kaihui', 3)).toBe('(3) Kaihui');
    expect(badgeTitle('(3) Kaihui', 4)).toBe('(4) Kaihui');
    expect(badgeTitle('(4) Kaihui', 0)).toBe('Kaihui');
    expect(badgeTitle('Kaihui', 120)).toBe('(99+) Kaihui');
    expect(badgeTitle('(99+) Kaihui', 1)).toBe('(1) Kaihui');
  });
});
