import { useEffect, useState } from 'react';
import { micLevel } from '../media/micLevel';

/** How often the level is measured, in ms (20 times a second). */
export const MIC_LEVEL_INTERVAL_MS = 50;

/**
 * useMicLevel measures a microphone track with a Web Audio AnalyserNode every 50 ms and returns
 * its level, 0…1 (see micLevel). It is 0 without a track, when `active` is false, and where Web
 * Audio is missing.
 */
export function useMicLevel(track: MediaStreamTrack | null, active: boolean): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (track === null || !active || typeof AudioContext === 'undefined') {
      setLevel(0);
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    // An AudioContext made without a user gesture may start suspended: resume on the first one.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    window.addEventListener('pointerdown', resume, { once: true });
    window.addEventListener('keydown', resume, { once: true });
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      setLevel(micLevel(samples));
    }, MIC_LEVEL_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', resume);
      window.removeEventListener('keydown', resume);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [track, active]);
  return level;
}
