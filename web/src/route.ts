/** The screen a path shows. */
export type Route =
  | { kind: 'start' }
  | { kind: 'meeting'; meetingNumber: string }
  | { kind: 'login' }
  | { kind: 'register' }
  | { kind: 'profile' };

/** The account pages, by path (the server must serve index.html for each of them). */
const ACCOUNT_PAGES: Record<string, Route> = {
  '/login': { kind: 'login' },
  '/register': { kind: 'register' },
  '/profile': { kind: 'profile' },
};

/**
 * parseRoute maps `location.pathname` to a screen: `/m/<9 digits>` is a meeting, `/login`,
 * `/register` and `/profile` the account pages (each optionally with a trailing slash), anything
 * else the start page.
 */
export function parseRoute(pathname: string): Route {
  const match = /^\/m\/(\d{9})\/?$/.exec(pathname);
  if (match) return { kind: 'meeting', meetingNumber: match[1]! };
  const page = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  return Object.prototype.hasOwnProperty.call(ACCOUNT_PAGES, page) ? ACCOUNT_PAGES[page]! : { kind: 'start' };
}
