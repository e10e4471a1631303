import { ApiError } from '../api/ApiError';
import {
  history,
  listConversations,
  markConversation,
  openDirect,
  sendMessage,
  sendTyping,
  GROUP_EVENTS,
  PAGE_SIZE,
  type ChatMessage,
  type ConversationView,
} from '../api/chatApi';
import type { Fetch } from '../api/request';

/** A message as the chat shows it: stored (`sent`), on its way (`sending`) or not sent (`failed`). */
export interface ShownMessage extends ChatMessage {
  status: 'sending' | 'sent' | 'failed';
  /** The error code of a failed send. */
  error?: string;
}

/** The conversation open in the chat window. */
export interface OpenChat {
  conversation: ConversationView;
  /** Oldest first; messages still being sent (seq 0) last. */
  messages: ShownMessage[];
  /** Whether older messages may exist. */
  hasMore: boolean;
  loading: boolean;
  /** Until when (ms) the other side shows as typing. */
  typingUntil: number;
}

/** What the chat shows. */
export interface ChatState {
  conversations: ConversationView[];
  open: OpenChat | null;
  error: string | null;
}

/** How long a `typing` event shows, in ms. */
export const TYPING_SHOWN_MS = 5000;
/** The least time between two `typing` requests, in ms. */
export const TYPING_EVERY_MS = 3000;

function newClientId(): string {
  return crypto.randomUUID();
}

/** byOrder sorts stored messages by number, unsent ones last in the order they were written. */
function byOrder(a: ShownMessage, b: ShownMessage): number {
  if (a.seq === 0 || b.seq === 0) return a.seq === 0 ? (b.seq === 0 ? a.createdMs - b.createdMs : 1) : -1;
  return a.seq - b.seq;
}

/** merge adds messages to a list once each (by client id and sender), in order. */
export function merge(list: ShownMessage[], more: ShownMessage[]): ShownMessage[] {
  const key = (m: ShownMessage) => `${m.senderId}:${m.clientId}`;
  const byKey = new Map(list.map((m) => [key(m), m]));
  for (const m of more) {
    const known = byKey.get(key(m));
    // A stored copy wins over one being sent; otherwise the first one stays.
    if (known === undefined || (known.status !== 'sent' && m.status === 'sent')) byKey.set(key(m), m);
  }
  return [...byKey.values()].sort(byOrder);
}

/**
 * ChatStore holds my conversations and the open one for the page. Messages are sent over REST
 * (the server has stored one when it answers) with a client id, so that a retry after a lost
 * answer stores nothing twice; they arrive by the app connection's `message` events, and are
 * shown once each whichever way they come. The open conversation is marked read while the page
 * is visible; others are marked received. Unread counts and the total for the title badge follow
 * the events; a reconnect loads everything again and resends what failed.
 */
export class ChatStore {
  private current: ChatState = { conversations: [], open: null, error: null };
  private readonly listeners = new Set<() => void>();
  private lastTyping = 0;

  constructor(
    private readonly me: number,
    private readonly fetchFn?: Fetch,
    private readonly now: () => number = () => Date.now(),
    private readonly visible: () => boolean = () => document.visibilityState === 'visible',
  ) {}

  get state(): ChatState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** unreadTotal is how many messages of others I have not read, in every conversation. */
  get unreadTotal(): number {
    return this.current.conversations.reduce((n, c) => n + c.unread, 0);
  }

  /** unreadFrom is how many unread messages the direct conversation with a friend has. */
  unreadFrom(userId: number): number {
    return this.current.conversations.find((c) => c.kind === 'direct' && c.members.some((m) => m.userId === userId))
      ?.unread ?? 0;
  }

  /** load fetches my conversations; when one is open, its newest page too; then resends failures. */
  async load(): Promise<void> {
    try {
      const conversations = await listConversations(this.fetchFn);
      this.set({ ...this.current, conversations, error: null });
      const open = this.current.open;
      if (open !== null) {
        const page = await history(open.conversation.conversationId, 0, this.fetchFn);
        this.updateOpen(open.conversation.conversationId, (o) => ({
          ...o,
          messages: merge(o.messages, page.map(sent)),
        }));
        this.markSeen();
      }
      for (const m of this.current.open?.messages ?? []) {
        if (m.status === 'failed' && m.error === 'network') void this.resend(m.clientId);
      }
    } catch (e) {
      this.set({ ...this.current, error: code(e) });
    }
  }

  /** openWith opens the conversation with a friend and its newest messages, and reads them. */
  async openWith(friendId: number): Promise<void> {
    try {
      await this.show(await openDirect(friendId, this.fetchFn));
    } catch (e) {
      this.set({ ...this.current, open: null, error: code(e) });
    }
  }

  /** openConversation opens one of my conversations (a group) by id. */
  async openConversation(conversationId: number): Promise<void> {
    const known = this.current.conversations.find((c) => c.conversationId === conversationId);
    if (known === undefined) return;
    try {
      await this.show(known);
    } catch (e) {
      this.set({ ...this.current, open: null, error: code(e) });
    }
  }

  /** conversationChanged applies a `conversationChanged` event: a group's name or members. */
  async conversationChanged(): Promise<void> {
    await this.load();
    const open = this.current.open;
    if (open === null) return;
    const now = this.current.conversations.find((c) => c.conversationId === open.conversation.conversationId);
    // Removed from it, or left it in another tab: it is no longer mine to show.
    if (now === undefined) this.close();
    else this.set({ ...this.current, open: { ...open, conversation: now } });
  }

  private async show(conversation: ConversationView): Promise<void> {
    const known = this.current.conversations.some((c) => c.conversationId === conversation.conversationId);
    this.set({
      ...this.current,
      conversations: known ? this.current.conversations : [conversation, ...this.current.conversations],
      error: null,
      open: { conversation, messages: [], hasMore: true, loading: true, typingUntil: 0 },
    });
    const page = await history(conversation.conversationId, 0, this.fetchFn);
    this.updateOpen(conversation.conversationId, (o) => ({
      ...o,
      messages: merge(o.messages, page.map(sent)),
      hasMore: page.length === PAGE_SIZE,
      loading: false,
    }));
    this.markSeen();
  }

  /** close closes the chat window. */
  close(): void {
    this.set({ ...this.current, open: null });
  }

  /** loadEarlier fetches the page before the oldest message shown. */
  async loadEarlier(): Promise<void> {
    const open = this.current.open;
    if (open === null || !open.hasMore || open.loading) return;
    const oldest = open.messages.find((m) => m.seq > 0)?.seq ?? 0;
    if (oldest === 1) {
      this.updateOpen(open.conversation.conversationId, (o) => ({ ...o, hasMore: false }));
      return;
    }
    this.updateOpen(open.conversation.conversationId, (o) => ({ ...o, loading: true }));
    try {
      const page = await history(open.conversation.conversationId, oldest, this.fetchFn);
      this.updateOpen(open.conversation.conversationId, (o) => ({
        ...o,
        messages: merge(o.messages, page.map(sent)),
        hasMore: page.length === PAGE_SIZE,
        loading: false,
      }));
    } catch (e) {
      this.updateOpen(open.conversation.conversationId, (o) => ({ ...o, loading: false }));
      this.set({ ...this.current, error: code(e) });
    }
  }

  /** send shows the message at once as `sending`, and as `sent` once the server has stored it. */
  async send(text: string): Promise<void> {
    const open = this.current.open;
    if (open === null || text.trim() === '') return;
    const message: ShownMessage = {
      conversationId: open.conversation.conversationId,
      seq: 0,
      clientId: newClientId(),
      senderId: this.me,
      kind: 'text',
      body: text,
      createdMs: this.now(),
      status: 'sending',
    };
    this.updateOpen(message.conversationId, (o) => ({ ...o, messages: merge(o.messages, [message]) }));
    await this.deliver(message);
  }

  /** resend sends a failed message again, with its client id: it is stored once at most. */
  async resend(clientId: string): Promise<void> {
    const m = this.current.open?.messages.find((x) => x.clientId === clientId && x.status === 'failed');
    if (m === undefined) return;
    this.replace({ ...m, status: 'sending', error: undefined });
    await this.deliver({ ...m, status: 'sending' });
  }

  /** typing tells the other side, at most every {@link TYPING_EVERY_MS}. */
  typing(): void {
    const open = this.current.open;
    if (open === null || this.now() - this.lastTyping < TYPING_EVERY_MS) return;
    this.lastTyping = this.now();
    void sendTyping(open.conversation.conversationId, this.fetchFn).catch(() => undefined);
  }

  /** markSeen marks the open conversation read up to its last message, when the page is visible. */
  markSeen(): void {
    const open = this.current.open;
    if (open === null || !this.visible()) return;
    const last = open.messages.reduce((n, m) => Math.max(n, m.seq), 0);
    const conversation = this.current.conversations.find((c) => c.conversationId === open.conversation.conversationId);
    if (last === 0 || (conversation !== undefined && conversation.readSeq >= last && conversation.unread === 0)) return;
    this.set({
      ...this.current,
      conversations: this.current.conversations.map((c) =>
        c.conversationId === open.conversation.conversationId ? { ...c, unread: 0, readSeq: Math.max(c.readSeq, last) } : c,
      ),
    });
    void markConversation(open.conversation.conversationId, last, last, this.fetchFn).catch(() => undefined);
  }

  /** messageReceived applies a `message` event. */
  messageReceived(message: ChatMessage): void {
    const known = this.current.conversations.find((c) => c.conversationId === message.conversationId);
    if (known === undefined) {
      void this.load();
      return;
    }
    const open = this.current.open?.conversation.conversationId === message.conversationId;
    const mine = message.senderId === this.me;
    const seen = open && this.visible();
    // At-least-once delivery: a message already counted comes again after a reconnect.
    const fresh = known.last === null || known.last.seq < message.seq;
    this.set({
      ...this.current,
      conversations: [
        {
          ...known,
          last: fresh ? message : known.last,
          unread: mine || seen || !fresh || GROUP_EVENTS.has(message.kind) ? known.unread : known.unread + 1,
        },
        ...this.current.conversations.filter((c) => c !== known),
      ],
    });
    if (open) {
      this.updateOpen(message.conversationId, (o) => ({
        ...o,
        messages: merge(o.messages, [sent(message)]),
        typingUntil: mine ? o.typingUntil : 0,
      }));
    }
    if (mine) return;
    if (seen) this.markSeen();
    else void markConversation(message.conversationId, message.seq, 0, this.fetchFn).catch(() => undefined);
  }

  /** receiptChanged applies a `receipt` event: how far the other side has received and read. */
  receiptChanged(conversationId: number, userId: number, deliveredSeq: number, readSeq: number): void {
    if (userId === this.me) return;
    const update = (c: ConversationView) =>
      c.conversationId === conversationId
        ? {
            ...c,
            othersDeliveredSeq: Math.max(c.othersDeliveredSeq, deliveredSeq),
            othersReadSeq: Math.max(c.othersReadSeq, readSeq),
          }
        : c;
    this.set({
      ...this.current,
      conversations: this.current.conversations.map(update),
      open: this.current.open === null ? null : { ...this.current.open, conversation: update(this.current.open.conversation) },
    });
  }

  /** typingChanged applies a `typing` event. */
  typingChanged(conversationId: number, userId: number): void {
    if (userId === this.me) return;
    this.updateOpen(conversationId, (o) => ({ ...o, typingUntil: this.now() + TYPING_SHOWN_MS }));
  }

  private async deliver(message: ShownMessage): Promise<void> {
    try {
      const stored = await sendMessage(message.conversationId, message.clientId, message.body, this.fetchFn);
      this.updateOpen(message.conversationId, (o) => ({ ...o, messages: merge(o.messages, [sent(stored)]) }));
      this.messageReceived(stored);
    } catch (e) {
      this.replace({ ...message, status: 'failed', error: code(e) });
    }
  }

  private replace(message: ShownMessage): void {
    this.updateOpen(message.conversationId, (o) => ({
      ...o,
      messages: o.messages.map((m) => (m.clientId === message.clientId && m.senderId === message.senderId && m.status !== 'sent' ? message : m)),
    }));
  }

  private updateOpen(conversationId: number, change: (open: OpenChat) => OpenChat): void {
    const open = this.current.open;
    if (open === null || open.conversation.conversationId !== conversationId) return;
    const conversation = this.current.conversations.find((c) => c.conversationId === conversationId);
    const next = change(open);
    this.set({ ...this.current, open: conversation === undefined ? next : { ...next, conversation: { ...next.conversation, ...pick(conversation) } } });
  }

  private set(next: ChatState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

/** The marks of the conversation list, which the open conversation follows. */
function pick(c: ConversationView): Pick<ConversationView, 'othersDeliveredSeq' | 'othersReadSeq'> {
  return { othersDeliveredSeq: c.othersDeliveredSeq, othersReadSeq: c.othersReadSeq };
}

function sent(message: ChatMessage): ShownMessage {
  return { ...message, status: 'sent' };
}

function code(e: unknown): string {
  return e instanceof ApiError ? e.code : 'unknown';
}
