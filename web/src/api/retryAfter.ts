/**
 * parseRetryAfter reads an HTTP `Retry-After` header (RFC 9110 §10.2.3): either a number of
 * seconds or an HTTP date.
 *
 * @param value the header value, or null when the answer had none
 * @param nowMs the current time, in ms since the epoch (for the date form)
 * @returns the wait in whole seconds (never negative; a date in the past gives 0), or null when
 *     the header is missing or unreadable
 */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
