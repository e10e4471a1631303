/** First reconnect delay, in ms. */
export const RECONNECT_BASE_DELAY_MS = 1000;
/** Longest reconnect delay, in ms. */
export const RECONNECT_MAX_DELAY_MS = 10_000;

/**
 * reconnectDelayMs is the wait before reconnect attempt `attempt` (0 for the first after a
 * drop): 1 s, 2 s, 4 s, 8 s, then 10 s for every further attempt.
 */
export function reconnectDelayMs(attempt: number): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 16);
  return Math.min(RECONNECT_BASE_DELAY_MS * 2 ** exponent, RECONNECT_MAX_DELAY_MS);
}
