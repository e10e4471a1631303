/** Quietest level shown, in dBFS; anything below shows as 0. */
export const MIN_LEVEL_DB = -60;

/**
 * micLevel turns one block of time-domain samples (−1…1, from AnalyserNode.getFloatTimeDomainData)
 * into a meter level 0…1: the RMS level in dBFS mapped linearly from −60 dBFS (0) to 0 dBFS (1).
 */
export function micLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    sum += s * s;
  }
  const rms = Math.sqrt(sum / samples.length);
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - MIN_LEVEL_DB) / -MIN_LEVEL_DB));
}
