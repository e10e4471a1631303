/** The pages that sign in; never a place to return to (that would loop). */
const ACCOUNT_PAGES = /^\/(login|register)(\/|\?|#|$)/;

/**
 * safeReturnPath keeps a path to return to after signing in only when it stays on this site: it
 * must start with one `/` (not `//host` or `/\host`), hold no control characters, and not be the
 * sign-in or registration page. Anything else gives `/`.
 */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(path) || ACCOUNT_PAGES.test(path)) return '/';
  return path;
}

/** returnPathFrom reads the `next` parameter of a query string (`?next=/m/123456789`). */
export function returnPathFrom(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('next'));
}

/**
 * accountPagePath is the path of the sign-in or registration page that returns to `next`
 * afterwards (`/login?next=%2Fm%2F123456789`; plain `/login` when that is the start page).
 */
export function accountPagePath(page: '/login' | '/register', next: string): string {
  const target = safeReturnPath(next);
  return target === '/' ? page : `${page}?next=${encodeURIComponent(target)}`;
}
