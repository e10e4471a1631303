import type { MeetingChatMessage, MeetingSettings, MeetingSummary, PastMeeting } from '../protocol/generated';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { Fetch } from './request';
export type { MeetingSummary, PastMeeting } from '../protocol/generated';

/**
 * What `POST /api/v1/meetings` takes: the title (null or blank gives "<display name>'s meeting")
 * and whether guests may join by link.
 */
export interface MeetingCreateBody {
  title: string | null;
  allowGuests: boolean;
}

const BASE = '/api/v1/meetings';

/** The most meetings the history answer holds (`limit` 1–200). */
export const HISTORY_LIMIT = 50;

async function call<T>(fetchFn: Fetch, url: string, method: string, status: number, body?: unknown): Promise<T> {
  const answer = await apiRequest(fetchFn, url, method, body);
  if (typeof answer !== 'object' || answer === null) {
    throw new ApiError('server_error', status, 'response is not a JSON object');
  }
  return answer as T;
}

function meetingUrl(meetingNumber: string): string {
  return `${BASE}/${encodeURIComponent(meetingNumber)}`;
}

function checkedSummary(summary: MeetingSummary, status: number): MeetingSummary {
  if (typeof summary.meetingNumber !== 'string') {
    throw new ApiError('server_error', status, 'no meetingNumber');
  }
  return summary;
}

/**
 * createMeeting creates a meeting with me as its host (signed in only); resolves with its
 * summary. Throws ApiError: `not_signed_in` (401), `bad_request` (a title over 100 characters
 * or with control characters), `network`...
 */
export async function createMeeting(create: MeetingCreateBody, fetchFn: Fetch = browserFetch): Promise<MeetingSummary> {
  return checkedSummary(await call<MeetingSummary>(fetchFn, BASE, 'POST', 201, create), 201);
}

/**
 * getMeeting looks a meeting up by its nine-digit number (anyone may). Throws ApiError, with code
 * `meeting_not_found` when there is no such meeting.
 */
export async function getMeeting(meetingNumber: string, fetchFn: Fetch = browserFetch): Promise<MeetingSummary> {
  return call<MeetingSummary>(fetchFn, meetingUrl(meetingNumber), 'GET', 200);
}

/**
 * updateMeeting changes a meeting's settings (host only); resolves with the new summary. Throws
 * ApiError: `not_host` (403), `not_signed_in` (401), `meeting_not_found`...
 */
export async function updateMeeting(
  meetingNumber: string,
  settings: MeetingSettings,
  fetchFn: Fetch = browserFetch,
): Promise<MeetingSummary> {
  return checkedSummary(await call<MeetingSummary>(fetchFn, meetingUrl(meetingNumber), 'PATCH', 200, settings), 200);
}

/**
 * endMeeting ends a meeting for everyone (host only; 204): every participant gets
 * `meetingEnded`. Throws ApiError: `not_host` (403), `not_signed_in` (401)...
 */
export async function endMeeting(meetingNumber: string, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, meetingUrl(meetingNumber), 'DELETE');
}

/**
 * meetingHistory lists the meetings I hosted or joined, newest first (`endedAtMs` null while one
 * is live). Throws ApiError: `not_signed_in` (401), `network`...
 *
 * @param limit how many at most, 1–200
 */
export async function meetingHistory(limit: number = HISTORY_LIMIT, fetchFn: Fetch = browserFetch): Promise<PastMeeting[]> {
  const answer = await apiRequest(fetchFn, `${BASE}/history?limit=${limit}`, 'GET');
  if (!Array.isArray(answer)) throw new ApiError('server_error', 200, 'response is not a JSON array');
  return answer as PastMeeting[];
}

/**
 * meetingChat gives a past meeting's chat as I may read it: what was said to everyone, and the
 * private messages I sent or got (nothing when I was not in it).
 */
export async function meetingChat(meetingId: number, fetchFn: Fetch = browserFetch): Promise<MeetingChatMessage[]> {
  const answer = await apiRequest(fetchFn, `${BASE}/history/${meetingId}/chat`, 'GET');
  if (!Array.isArray(answer)) throw new ApiError('server_error', 200, 'response is not a list');
  return answer as MeetingChatMessage[];
}

/**
 * inviteToMeeting invites a friend into the meeting I am in; their signed-in pages show it with
 * "Join". Throws ApiError `not_joined`, `not_friends`, `meeting_not_found`...
 */
export async function inviteToMeeting(meetingNumber: string, userId: number, fetchFn: Fetch = browserFetch): Promise<void> {
  await apiRequest(fetchFn, `${meetingUrl(meetingNumber)}/invites`, 'POST', { userId });
}
