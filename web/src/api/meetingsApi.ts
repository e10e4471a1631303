import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { Fetch } from './request';

/** The answer to `POST /api/v1/meetings` (201). */
export interface MeetingCreated {
  meetingNumber: string;
}

/** The answer to `GET /api/v1/meetings/{number}` (200). */
export interface MeetingSummary {
  meetingNumber: string;
  participantCount: number;
}

const BASE = '/api/v1/meetings';

async function call<T>(fetchFn: Fetch, url: string, method: string, status: number): Promise<T> {
  const body = await apiRequest(fetchFn, url, method);
  if (typeof body !== 'object' || body === null) {
    throw new ApiError('server_error', status, 'response is not a JSON object');
  }
  return body as T;
}

/** createMeeting creates a meeting; resolves with its nine-digit number. Throws ApiError. */
export async function createMeeting(fetchFn: Fetch = browserFetch): Promise<string> {
  const created = await call<MeetingCreated>(fetchFn, BASE, 'POST', 201);
  if (typeof created.meetingNumber !== 'string') {
    throw new ApiError('server_error', 201, 'no meetingNumber');
  }
  return created.meetingNumber;
}

/**
 * getMeeting looks a meeting up by its nine-digit number. Throws ApiError, with code
 * `meeting_not_found` when there is no such meeting.
 */
export async function getMeeting(meetingNumber: string, fetchFn: Fetch = browserFetch): Promise<MeetingSummary> {
  return call<MeetingSummary>(fetchFn, `${BASE}/${encodeURIComponent(meetingNumber)}`, 'GET', 200);
}
