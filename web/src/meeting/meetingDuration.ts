/** The parts of a meeting's duration as the history shows it. */
export type DurationParts =
  | { unit: 'lessThanMinute' }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number };

/**
 * durationParts splits a duration for display, rounded down to whole minutes: under a minute,
 * minutes (under an hour), or hours and minutes. A negative duration (clocks apart) is under a
 * minute.
 *
 * @param ms the duration, in ms
 */
export function durationParts(ms: number): DurationParts {
  const totalMinutes = Math.floor(Math.max(0, ms) / 60_000);
  if (totalMinutes < 1) return { unit: 'lessThanMinute' };
  if (totalMinutes < 60) return { unit: 'minutes', minutes: totalMinutes };
  return { unit: 'hours', hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}
