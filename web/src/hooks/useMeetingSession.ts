import { useEffect, useReducer, useState } from 'react';
import { MeetingSession, type MeetingSessionOptions } from '../meeting/MeetingSession';
import {
  initialMeetingState,
  meetingReducer,
  type MeetingAction,
  type MeetingState,
} from '../meeting/meetingState';

/** signalingUrl is the WebSocket URL on the page's own host: `wss:` on HTTPS, `ws:` on HTTP. */
export function signalingUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/**
 * useMeetingSession runs one MeetingSession for as long as the component is mounted (options are
 * read once, at mount) and returns the meeting state it produces, the session (null until the
 * first effect) and a dispatch for the screen's own actions (notices).
 */
export function useMeetingSession(
  options: Omit<MeetingSessionOptions, 'signalingUrl'> & { signalingUrl?: string },
): { state: MeetingState; session: MeetingSession | null; dispatch: (action: MeetingAction) => void } {
  const [state, dispatch] = useReducer(
    meetingReducer,
    {
      displayName: options.displayName,
      audioMuted: options.audioMuted || options.audioTrack === null,
      videoMuted: options.videoTrack === null,
    },
    initialMeetingState,
  );
  const [session, setSession] = useState<MeetingSession | null>(null);
  useEffect(() => {
    const created = new MeetingSession(
      { ...options, signalingUrl: options.signalingUrl ?? signalingUrl(window.location) },
      dispatch,
    );
    setSession(created);
    created.start();
    return () => created.close();
    // The session lives as long as the meeting screen; later option changes go through its methods.
  }, []);
  return { state, session, dispatch };
}
