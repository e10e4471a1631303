// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTrackLive } from './useTrackLive';

/** A remote track stand-in whose mute state the test changes, firing events like a browser. */
class FakeRemoteTrack extends EventTarget {
  muted = true;
  readyState: MediaStreamTrackState = 'live';
  set(state: 'mute' | 'unmute' | 'ended') {
    if (state === 'ended') this.readyState = 'ended';
    else this.muted = state === 'mute';
    this.dispatchEvent(new Event(state));
  }
}

function Probe({ track }: { track: MediaStreamTrack | null }) {
  return <p>{useTrackLive(track) ? 'live' : 'not live'}</p>;
}

describe('useTrackLive', () => {
  it('follows mute, unmute and ended', () => {
    const track = new FakeRemoteTrack();
    render(<Probe track={track as unknown as MediaStreamTrack} />);
    expect(screen.getByText('not live')).toBeTruthy();
    act(() => track.set('unmute'));
    expect(screen.getByText('live')).toBeTruthy();
    act(() => track.set('mute')); // the m-section became inactive
    expect(screen.getByText('not live')).toBeTruthy();
    act(() => track.set('unmute'));
    act(() => track.set('ended'));
    expect(screen.getByText('not live')).toBeTruthy();
  });

  it('is not live without a track, and answers at once for a new track', () => {
    const { rerender } = render(<Probe track={null} />);
    expect(screen.getByText('not live')).toBeTruthy();
    const flowing = new FakeRemoteTrack();
    flowing.muted = false;
    rerender(<Probe track={flowing as unknown as MediaStreamTrack} />);
    expect(screen.getByText('live')).toBeTruthy();
  });
});
