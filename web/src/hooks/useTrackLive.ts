import { useEffect, useReducer } from 'react';

function isLive(track: MediaStreamTrack | null): boolean {
  return track !== null && track.readyState !== 'ended' && !track.muted;
}

/**
 * useTrackLive tells whether a remote track is delivering media: present, not ended, and not
 * muted. A receiver's track is muted until its first packets and again when its m-section
 * becomes inactive, and ends when its transceiver stops, so a tile that shows video only while
 * this is true never freezes on a last frame or a black picture.
 */
export function useTrackLive(track: MediaStreamTrack | null): boolean {
  // The answer is read from the track at render time; its events only ask for a new render.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (track === null) return;
    track.addEventListener('mute', rerender);
    track.addEventListener('unmute', rerender);
    track.addEventListener('ended', rerender);
    return () => {
      track.removeEventListener('mute', rerender);
      track.removeEventListener('unmute', rerender);
      track.removeEventListener('ended', rerender);
    };
  }, [track]);
  return isLive(track);
}
