import type * as wire from '../protocol/generated';
import type { UserCard } from './friendsApi';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

/** A ringing call, as {@link wire.CallView}. */
export type CallView = Omit<wire.CallView, 'caller' | 'callee'> & { caller: UserCard; callee: UserCard };

/**
 * startCall calls a friend; resolves with the ringing call. Throws ApiError `busy` (in a call or a
 * meeting), `already_in_call`, `not_friends`...
 */
export async function startCall(userId: number, fetchFn: Fetch = browserFetch): Promise<CallView> {
  const answer = await apiRequest(fetchFn, '/api/v1/calls', 'POST', { userId });
  if (typeof answer !== 'object' || answer === null) throw new ApiError('server_error', 201, 'no call');
  return answer as CallView;
}

/** acceptCall accepts a call ringing for me; resolves with its private meeting's number. */
export async function acceptCall(callId: number, fetchFn: Fetch = browserFetch): Promise<string> {
  const answer = (await apiRequest(fetchFn, `/api/v1/calls/${callId}/accept`, 'POST')) as { meetingNumber?: unknown };
  if (typeof answer?.meetingNumber !== 'string') throw new ApiError('server_error', 200, 'no meeting');
  return answer.meetingNumber;
}

/** declineCall declines a call ringing for me. */
export async function declineCall(callId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/calls/${callId}/decline`, 'POST');
}

/** cancelCall cancels my call while it rings. */
export async function cancelCall(callId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `/api/v1/calls/${callId}`, 'DELETE');
}
