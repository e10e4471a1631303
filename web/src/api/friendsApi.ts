import type * as wire from '../protocol/generated';
import type { FriendGroupView } from '../protocol/generated';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { FriendGroupView } from '../protocol/generated';

/** Another person as the server's {@link wire.UserCard}, with the fields it may leave null. */
export type UserCard = Omit<wire.UserCard, 'moodLine' | 'avatarUrl'> & {
  moodLine: string | null;
  avatarUrl: string | null;
};

/** A friend, as {@link wire.FriendView}. */
export type FriendView = Omit<wire.FriendView, 'user'> & { user: UserCard };

/** A pending friend request, as {@link wire.FriendRequestView}; `note` may be null. */
export type FriendRequestView = Omit<wire.FriendRequestView, 'from' | 'to' | 'note'> & {
  from: UserCard;
  to: UserCard;
  note: string | null;
};

/** My friends and groups, as {@link wire.FriendList}. */
export interface FriendList {
  groups: FriendGroupView[];
  friends: FriendView[];
}

/** Requests to and from me, as {@link wire.FriendRequests}. */
export interface FriendRequests {
  incoming: FriendRequestView[];
  outgoing: FriendRequestView[];
}

/** The answer to a friend request, as {@link wire.FriendRequestSent}: no request when we became friends at once. */
export interface FriendRequestSent {
  request: FriendRequestView | null;
  friends: boolean;
}

/** The longest note of a friend request, in characters (the server's limit). */
export const MAX_NOTE_CHARS = 100;
/** The longest friend group name, in characters (the server's limit). */
export const MAX_GROUP_NAME_CHARS = 32;

async function object<T>(fetchFn: Fetch, url: string, method: string, body?: unknown): Promise<T> {
  const answer = await apiRequest(fetchFn, url, method, body);
  if (typeof answer !== 'object' || answer === null) {
    throw new ApiError('server_error', 200, 'response is not a JSON object');
  }
  return answer as T;
}

/**
 * searchUsers finds people by username or display name (never me), each with what they are to
 * me. Throws ApiError `bad_request` for an empty or over-long text.
 */
export async function searchUsers(query: string, fetchFn: Fetch = browserFetch): Promise<UserCard[]> {
  const answer = await apiRequest(fetchFn, `/api/v1/users?q=${encodeURIComponent(query)}`, 'GET');
  if (!Array.isArray(answer)) throw new ApiError('server_error', 200, 'response is not a list');
  return answer as UserCard[];
}

/** getFriends gives my friends with their presence, and my named groups in order. */
export function getFriends(fetchFn: Fetch = browserFetch): Promise<FriendList> {
  return object<FriendList>(fetchFn, '/api/v1/friends', 'GET');
}

/** getFriendRequests gives the pending requests to me and from me, newest first. */
export function getFriendRequests(fetchFn: Fetch = browserFetch): Promise<FriendRequests> {
  return object<FriendRequests>(fetchFn, '/api/v1/friend-requests', 'GET');
}

/**
 * sendFriendRequest asks someone to be my friend, with a short note. When they had already asked
 * me we are friends at once (`friends: true`). Throws ApiError `already_friends`,
 * `request_pending`, `too_many_requests` (with retryAfterSeconds), `user_not_found`,
 * `bad_request` (note too long)...
 */
export function sendFriendRequest(
  toUserId: number,
  note: string,
  fetchFn: Fetch = browserFetch,
): Promise<FriendRequestSent> {
  return object<FriendRequestSent>(fetchFn, '/api/v1/friend-requests', 'POST', {
    toUserId,
    note: note.trim() === '' ? null : note.trim(),
  });
}

/** answerFriendRequest accepts or declines a request to me. */
export async function answerFriendRequest(
  requestId: number,
  accept: boolean,
  fetchFn: Fetch = browserFetch,
): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/friend-requests/${requestId}/${accept ? 'accept' : 'decline'}`, 'POST');
}

/** cancelFriendRequest withdraws a request I sent. */
export async function cancelFriendRequest(requestId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/friend-requests/${requestId}`, 'DELETE');
}

/** removeFriend ends a friendship, for both of us. */
export async function removeFriend(userId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/friends/${userId}`, 'DELETE');
}

/** moveFriend puts a friend into one of my groups (0: the default group). */
export async function moveFriend(userId: number, groupId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/friends/${userId}`, 'PUT', { groupId });
}

/** createFriendGroup adds a named group, last in my order. */
export function createFriendGroup(name: string, fetchFn: Fetch = browserFetch): Promise<FriendGroupView> {
  return object<FriendGroupView>(fetchFn, '/api/v1/friend-groups', 'POST', { name });
}

/** renameFriendGroup gives one of my groups a new name. */
export function renameFriendGroup(groupId: number, name: string, fetchFn: Fetch = browserFetch): Promise<FriendGroupView> {
  return object<FriendGroupView>(fetchFn, `/api/v1/friend-groups/${groupId}`, 'PATCH', { name });
}

/** deleteFriendGroup deletes one of my groups; its friends go back to the default group. */
export async function deleteFriendGroup(groupId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/friend-groups/${groupId}`, 'DELETE');
}

/** orderFriendGroups puts my named groups into a new order (every id once). */
export async function orderFriendGroups(groupIds: number[], fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, '/api/v1/friend-groups/order', 'PUT', { groupIds });
}
