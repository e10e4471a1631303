import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AccountContext } from '../account/AccountContext';
import { AccountStore } from '../account/accountStore';
import { AccountClient, type Account } from '../api/accountApi';
import { FakeUpload } from './FakeUpload';
import { ADA, apiError, fakeFetch, json, type FakeFetch, type FetchCall } from './fakeFetch';

/** A store on a fake server, and what the test needs to play that server. */
export interface TestAccount {
  store: AccountStore;
  fetchFn: FakeFetch;
  /** Every avatar upload started, in order. */
  uploads: FakeUpload[];
}

/**
 * testAccount makes an AccountStore whose client talks to `handler`, already in the given state
 * (signed in as `account`, signed out, or still loading). `GET /api/v1/me` is answered for the
 * state unless the handler answers it.
 */
export async function testAccount(
  initial: 'signedIn' | 'signedOut' | 'loading',
  handler: (call: FetchCall) => Response | Promise<Response> | undefined = () => undefined,
  account: Account = ADA,
): Promise<TestAccount> {
  const uploads: FakeUpload[] = [];
  const fetchFn = fakeFetch(async (call) => {
    const answer = await handler(call);
    if (answer !== undefined) return answer;
    if (call.url === '/api/v1/me' && call.method === 'GET') {
      return initial === 'signedIn' ? json(200, account) : apiError(401, 'not_signed_in');
    }
    return apiError(500, 'unexpected_request');
  });
  const store = new AccountStore(
    new AccountClient(fetchFn, () => {
      const upload = new FakeUpload();
      uploads.push(upload);
      return upload;
    }),
  );
  if (initial !== 'loading') await store.load();
  return { store, fetchFn, uploads };
}

/** renderWithAccount renders `ui` below the given account store. */
export function renderWithAccount(ui: ReactNode, store: AccountStore) {
  return render(<AccountContext value={store}>{ui}</AccountContext>);
}

/** describedBy is the text of the elements describing `element` (its hint and error). */
export function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => id !== '')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
