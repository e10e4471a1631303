import { describe, expect, it, vi } from 'vitest';
import { LocalMedia, type UserMediaSource } from './LocalMedia';

interface FakeTrack {
  kind: 'audio' | 'video';
  label: string;
  enabled: boolean;
  stopped: boolean;
  stop(): void;
}

function fakeTrack(kind: 'audio' | 'video', label: string): FakeTrack {
  return {
    kind,
    label,
    enabled: true,
    stopped: false,
    stop() {
      this.stopped = true;
    },
  };
}

/** A getUserMedia that fails for the kinds named in `failures` with the given DOMException name. */
function fakeSource(failures: Partial<Record<'audio' | 'video', string>> = {}) {
  const calls: MediaStreamConstraints[] = [];
  const tracks: FakeTrack[] = [];
  const source: UserMediaSource = {
    getUserMedia: vi.fn(async (constraints?: MediaStreamConstraints) => {
      calls.push(constraints!);
      const kinds = (['audio', 'video'] as const).filter((k) => constraints?.[k]);
      for (const kind of kinds) {
        const failure = failures[kind];
        if (failure) throw new DOMException('no', failure);
      }
      const made = kinds.map((k) => fakeTrack(k, `${k}-${tracks.length}`));
      tracks.push(...made);
      return { getTracks: () => made } as unknown as MediaStream;
    }),
  };
  return { source, calls, tracks };
}

const BOTH = { audio: true, video: true, microphoneId: '', cameraId: '' };

describe('LocalMedia', () => {
  it('opens camera and microphone in one request', async () => {
    const { source, calls } = fakeSource();
    const media = new LocalMedia(source);
    const state = await media.start(BOTH);
    expect(calls).toHaveLength(1);
    expect(state.audioTrack?.kind).toBe('audio');
    expect(state.videoTrack?.kind).toBe('video');
    expect([state.audioError, state.videoError]).toEqual([null, null]);
  });

  it('keeps the microphone when the camera is blocked, and says why', async () => {
    const { source, calls } = fakeSource({ video: 'NotAllowedError' });
    const state = await new LocalMedia(source).start(BOTH);
    expect(calls).toHaveLength(3);
    expect(state.audioTrack?.kind).toBe('audio');
    expect(state.videoTrack).toBeNull();
    expect(state.videoError).toBe('permission_denied');
    expect(state.audioError).toBeNull();
  });

  it('reports both devices missing', async () => {
    const { source } = fakeSource({ audio: 'NotFoundError', video: 'NotFoundError' });
    const state = await new LocalMedia(source).start(BOTH);
    expect([state.audioTrack, state.videoTrack]).toEqual([null, null]);
    expect([state.audioError, state.videoError]).toEqual(['not_found', 'not_found']);
  });

  it('says the page is not secure when mediaDevices is missing', async () => {
    const state = await new LocalMedia(undefined).start(BOTH);
    expect([state.audioError, state.videoError]).toEqual(['insecure_context', 'insecure_context']);
  });

  it('asks for the chosen devices and the browser audio processing', async () => {
    const { source, calls } = fakeSource();
    await new LocalMedia(source).start({ ...BOTH, microphoneId: 'mic-2', cameraId: 'cam-3' });
    expect(calls[0]!.audio).toMatchObject({
      deviceId: { ideal: 'mic-2' },
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    });
    expect(calls[0]!.video).toMatchObject({ deviceId: { ideal: 'cam-3' } });
  });

  it('turning the camera off stops its track; on opens a new one', async () => {
    const { source, tracks } = fakeSource();
    const media = new LocalMedia(source);
    await media.start(BOTH);
    const firstVideo = tracks.find((t) => t.kind === 'video')!;
    expect(await media.setCamera(false, '')).toBeNull();
    expect(firstVideo.stopped).toBe(true);
    expect(media.state.videoTrack).toBeNull();
    const again = await media.setCamera(true, 'cam-2');
    expect(again).not.toBeNull();
    expect(media.state.videoTrack).toBe(again);
    expect(media.state.audioTrack).not.toBeNull();
  });

  it('switching the microphone keeps its muted (disabled) state', async () => {
    const { source, tracks } = fakeSource();
    const media = new LocalMedia(source);
    await media.start(BOTH);
    media.state.audioTrack!.enabled = false;
    const next = await media.setMicrophone('mic-2');
    expect(tracks[0]!.stopped).toBe(true);
    expect(next?.enabled).toBe(false);
  });

  it('notifies listeners and stop closes every track', async () => {
    const { source, tracks } = fakeSource();
    const media = new LocalMedia(source);
    const listener = vi.fn();
    const unsubscribe = media.subscribe(listener);
    await media.start(BOTH);
    expect(listener).toHaveBeenCalled();
    media.stop();
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(media.state.audioTrack).toBeNull();
    unsubscribe();
    listener.mockClear();
    await media.start(BOTH);
    expect(listener).not.toHaveBeenCalled();
  });

  it('closes tracks that arrive after stop', async () => {
    const { source, tracks } = fakeSource();
    const media = new LocalMedia(source);
    const starting = media.start(BOTH);
    media.stop();
    const state = await starting;
    expect(state.videoTrack).toBeNull();
    expect(tracks.every((t) => t.stopped)).toBe(true);
  });
});
