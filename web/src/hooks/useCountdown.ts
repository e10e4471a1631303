import { useCallback, useEffect, useState } from 'react';

/** secondsLeft is the whole seconds from `nowMs` until `untilMs`, rounded up; 0 once past. */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/**
 * useCountdown counts down whole seconds: `start(n)` begins at n, the component re-renders as
 * each second passes, and `seconds` is 0 when nothing is counting.
 */
export function useCountdown(): { seconds: number; start(seconds: number): void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  const start = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setUntil(seconds > 0 ? current + seconds * 1000 : null);
  }, []);
  return { seconds: until === null ? 0 : secondsLeft(until, now), start };
}
