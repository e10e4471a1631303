import type * as wire from '../protocol/generated';
import type { ChatMessage } from '../protocol/generated';
import type { UserCard } from './friendsApi';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { ChatMessage } from '../protocol/generated';

/**
 * A conversation as {@link wire.ConversationView}: `last` is null while it has no message,
 * `title` for a direct one.
 */
export type ConversationView = Omit<wire.ConversationView, 'last' | 'members' | 'title'> & {
  last: ChatMessage | null;
  members: UserCard[];
  title: string | null;
};

/** The kinds of message that tell what happened to a group (not typed by anyone). */
export const GROUP_EVENTS: ReadonlySet<string> = new Set(['created', 'renamed', 'added', 'removed', 'left']);

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

/** createGroup makes a group chat with some of my friends; I own it. */
export function createGroup(title: string, memberIds: number[], fetchFn: Fetch = browserFetch): Promise<ConversationView> {
  return object<ConversationView>(fetchFn, `${BASE}/groups`, 'POST', { title, memberIds });
}

/** renameGroup gives a group I am in a new name. */
export function renameGroup(conversationId: number, title: string, fetchFn: Fetch = browserFetch): Promise<ConversationView> {
  return object<ConversationView>(fetchFn, `${BASE}/${conversationId}`, 'PATCH', { title });
}

/** addMember adds one of my friends to a group I am in. */
export function addMember(conversationId: number, userId: number, fetchFn: Fetch = browserFetch): Promise<ConversationView> {
  return object<ConversationView>(fetchFn, `${BASE}/${conversationId}/members`, 'POST', { userId });
}

/** removeMember takes someone out of a group (the owner), or me (I leave). */
export async function removeMember(conversationId: number, userId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `${BASE}/${conversationId}/members/${userId}`, 'DELETE');
}
