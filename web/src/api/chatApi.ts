import type * as wire from '../protocol/generated';
import type { ChatMessage } from '../protocol/generated';
import type { UserCard } from './friendsApi';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { ChatMessage } from '../protocol/generated';

/** A conversation as {@link wire.ConversationView}: `last` is null while it has no message. */
export type ConversationView = Omit<wire.ConversationView, 'last' | 'members'> & {
  last: ChatMessage | null;
  members: UserCard[];
};

/** Messages per history page. */
export const PAGE_SIZE = 50;

const BASE = '/api/v1/conversations';

async function object<T>(fetchFn: Fetch, url: string, method: string, body?: unknown): Promise<T> {
  const answer = await apiRequest(fetchFn, url, method, body);
  if (typeof answer !== 'object' || answer === null) {
    throw new ApiError('server_error', 200, 'response is not JSON');
  }
  return answer as T;
}

/** listConversations gives my conversations, the newest message first. */
export function listConversations(fetchFn: Fetch = browserFetch): Promise<ConversationView[]> {
  return object<ConversationView[]>(fetchFn, BASE, 'GET');
}

/** openDirect gives the conversation with a friend (made the first time). Throws `not_friends`. */
export function openDirect(userId: number, fetchFn: Fetch = browserFetch): Promise<ConversationView> {
  return object<ConversationView>(fetchFn, `${BASE}/direct`, 'POST', { userId });
}

/** history gives a page of messages oldest first, ending before `beforeSeq` (0: the newest). */
export function history(
  conversationId: number,
  beforeSeq: number,
  fetchFn: Fetch = browserFetch,
): Promise<ChatMessage[]> {
  const before = beforeSeq > 0 ? `&before=${beforeSeq}` : '';
  return object<ChatMessage[]>(fetchFn, `${BASE}/${conversationId}/messages?limit=${PAGE_SIZE}${before}`, 'GET');
}

/** searchMessages gives the messages containing a text, newest first. */
export function searchMessages(conversationId: number, query: string, fetchFn: Fetch = browserFetch): Promise<ChatMessage[]> {
  return object<ChatMessage[]>(fetchFn, `${BASE}/${conversationId}/messages?q=${encodeURIComponent(query)}`, 'GET');
}

/**
 * sendMessage stores a message; resolves once the server has it. Sending again with the same
 * `clientId` stores nothing new. Throws `message_too_long`, `bad_message`, `not_friends`,
 * `network`...
 */
export function sendMessage(
  conversationId: number,
  clientId: string,
  text: string,
  fetchFn: Fetch = browserFetch,
): Promise<ChatMessage> {
  return object<ChatMessage>(fetchFn, `${BASE}/${conversationId}/messages`, 'POST', { clientId, text });
}

/** markConversation moves my received and read marks forward. */
export async function markConversation(
  conversationId: number,
  deliveredSeq: number,
  readSeq: number,
  fetchFn: Fetch = browserFetch,
): Promise<void> {
  await apiRequest(fetchFn, `${BASE}/${conversationId}/marks`, 'PUT', { deliveredSeq, readSeq });
}

/** sendTyping tells the others that I am typing. */
export async function sendTyping(conversationId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `${BASE}/${conversationId}/typing`, 'POST');
}
