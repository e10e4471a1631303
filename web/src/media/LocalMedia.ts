import { mediaErrorCode, type MediaErrorCode } from './mediaErrorCode';

/** My camera and microphone tracks, and why either is missing. */
export interface LocalMediaState {
  audioTrack: MediaStreamTrack | null;
  videoTrack: MediaStreamTrack | null;
  /** Why there is no microphone track although one was asked for. */
  audioError: MediaErrorCode | null;
  /** Why there is no camera track although one was asked for. */
  videoError: MediaErrorCode | null;
}

/** Which devices to open ('' is the browser's default device). */
export interface LocalMediaRequest {
  audio: boolean;
  video: boolean;
  microphoneId: string;
  cameraId: string;
}

/** The part of `navigator.mediaDevices` LocalMedia uses. */
export type UserMediaSource = Pick<MediaDevices, 'getUserMedia'>;

/** audioConstraints asks for the browser's echo cancellation, noise suppression and gain control. */
export function audioConstraints(microphoneId: string): MediaTrackConstraints {
  return {
    ...(microphoneId ? { deviceId: { ideal: microphoneId } } : {}),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}

/** videoConstraints asks for 720p at 30 fps, which the browser scales down as needed. */
export function videoConstraints(cameraId: string): MediaTrackConstraints {
  return {
    ...(cameraId ? { deviceId: { ideal: cameraId } } : {}),
    width: { ideal: 1280 },
    height: { ideal: 720 },
    frameRate: { ideal: 30 },
  };
}

const EMPTY: LocalMediaState = { audioTrack: null, videoTrack: null, audioError: null, videoError: null };

/**
 * My camera and microphone. It opens them with getUserMedia, one request for both first and, if
 * that fails, one per device so that a missing or blocked camera does not cost the microphone
 * (and the error names the device at fault). Operations run one after the other; listeners hear
 * every state change. Stopping a track turns the device (and its light) off.
 */
export class LocalMedia {
  private current: LocalMediaState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Increases on every stop(); an operation asked for before a stop opens nothing. */
  private epoch = 0;

  constructor(private readonly source: UserMediaSource | undefined) {}

  /** The current tracks and errors (a new object after every change). */
  get state(): LocalMediaState {
    return this.current;
  }

  /** subscribe adds a listener of state changes; returns its removal. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** getState is `state` as a function, for React's useSyncExternalStore. */
  getState = (): LocalMediaState => this.current;

  /** start opens the requested devices, replacing any tracks already open. */
  start(request: LocalMediaRequest): Promise<LocalMediaState> {
    const epoch = this.epoch;
    return this.enqueue(async () => {
      if (epoch !== this.epoch) return this.current;
      this.stopTracks();
      this.update({ ...EMPTY });
      const result = await this.open(request, epoch);
      this.update(result);
      return this.current;
    });
  }

  /**
   * setCamera opens the given camera (replacing the current one) or, with `enabled` false,
   * closes it.
   *
   * @returns the new video track, or null (then `state.videoError` says why, if it failed)
   */
  setCamera(enabled: boolean, cameraId: string): Promise<MediaStreamTrack | null> {
    const epoch = this.epoch;
    return this.enqueue(async () => {
      if (epoch !== this.epoch) return null;
      this.current.videoTrack?.stop();
      this.update({ ...this.current, videoTrack: null, videoError: null });
      if (!enabled) return null;
      const request = { audio: false, video: true, microphoneId: '', cameraId };
      const result = await this.open(request, epoch);
      this.update({ ...this.current, videoTrack: result.videoTrack, videoError: result.videoError });
      return result.videoTrack;
    });
  }

  /** setMicrophone opens the given microphone, replacing the current one. */
  setMicrophone(microphoneId: string): Promise<MediaStreamTrack | null> {
    const epoch = this.epoch;
    return this.enqueue(async () => {
      if (epoch !== this.epoch) return null;
      const enabled = this.current.audioTrack?.enabled ?? true;
      this.current.audioTrack?.stop();
      this.update({ ...this.current, audioTrack: null, audioError: null });
      const request = { audio: true, video: false, microphoneId, cameraId: '' };
      const result = await this.open(request, epoch);
      if (result.audioTrack) result.audioTrack.enabled = enabled;
      this.update({ ...this.current, audioTrack: result.audioTrack, audioError: result.audioError });
      return result.audioTrack;
    });
  }

  /** stop closes both devices; tracks that open later (a request in flight) are closed too. */
  stop(): void {
    this.epoch++;
    this.stopTracks();
    this.update({ ...EMPTY });
  }

  private stopTracks(): void {
    this.current.audioTrack?.stop();
    this.current.videoTrack?.stop();
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private update(next: LocalMediaState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  private async open(request: LocalMediaRequest, epoch: number): Promise<LocalMediaState> {
    const result: LocalMediaState = { ...EMPTY };
    if (!request.audio && !request.video) return result;
    if (this.source?.getUserMedia === undefined) {
      // No mediaDevices: the page is not a secure context (HTTPS or localhost).
      if (request.audio) result.audioError = 'insecure_context';
      if (request.video) result.videoError = 'insecure_context';
      return result;
    }
    const audio = request.audio ? audioConstraints(request.microphoneId) : false;
    const video = request.video ? videoConstraints(request.cameraId) : false;
    try {
      this.take(await this.source.getUserMedia({ audio, video }), result);
    } catch (error) {
      if (request.audio && request.video) {
        // Find out which device is at fault, and keep the other one.
        await this.openOne('audio', audio, result);
        await this.openOne('video', video, result);
      } else if (request.audio) {
        result.audioError = mediaErrorCode(error);
      } else {
        result.videoError = mediaErrorCode(error);
      }
    }
    if (epoch !== this.epoch) {
      result.audioTrack?.stop();
      result.videoTrack?.stop();
      return { ...EMPTY };
    }
    return result;
  }

  private async openOne(
    kind: 'audio' | 'video',
    constraints: MediaTrackConstraints | false,
    result: LocalMediaState,
  ): Promise<void> {
    try {
      const stream = await this.source!.getUserMedia(
        kind === 'audio' ? { audio: constraints } : { video: constraints },
      );
      this.take(stream, result);
    } catch (error) {
      if (kind === 'audio') result.audioError = mediaErrorCode(error);
      else result.videoError = mediaErrorCode(error);
    }
  }

  private take(stream: MediaStream, result: LocalMediaState): void {
    for (const track of stream.getTracks()) {
      if (track.kind === 'audio' && result.audioTrack === null) result.audioTrack = track;
      else if (track.kind === 'video' && result.videoTrack === null) result.videoTrack = track;
      else track.stop();
    }
  }
}
