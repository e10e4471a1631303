import { vi } from 'vitest';
import type { Account } from '../api/accountApi';
import type { Fetch } from '../api/request';

/** One request a fake fetch received. */
export interface FetchCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  /** The JSON body, parsed; undefined without a body. */
  body: unknown;
}

/** A fake fetch: the handler plays the server; every request is recorded in `calls`. */
export type FakeFetch = Fetch & { calls: FetchCall[] };

/** fakeFetch answers each request with `handler` and records it. */
export function fakeFetch(handler: (call: FetchCall) => Response | Promise<Response>): FakeFetch {
  const calls: FetchCall[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    const call: FetchCall = {
      method: init?.method ?? 'GET',
      url,
      headers: { ...((init?.headers as Record<string, string> | undefined) ?? {}) },
      credentials: init?.credentials,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  return Object.assign(fn, { calls });
}

/** json is a JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** noContent is a 204 answer. */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** apiError is an ApiError answer. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return json(status, { code, message: code.replace(/_/g, ' ') }, headers);
}

/** Ada's account, as the server sends it. */
export const ADA: Account = {
  userId: 7,
  username: 'ada',
  displayName: 'Ada Lovelace',
  phone: null,
  moodLine: 'Analytical engines',
  avatarUrl: null,
};
