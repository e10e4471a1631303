import type { PeerConnection } from '../meeting/MeetingSession';

/** A transceiver as FakePeerConnection records it. */
export interface FakeTransceiver {
  kind: string;
  track: MediaStreamTrack | null;
  direction: RTCRtpTransceiverDirection | undefined;
  sender: { track: MediaStreamTrack | null; replaceTrack(track: MediaStreamTrack | null): Promise<void> };
}

/**
 * An RTCPeerConnection stand-in for tests: it records transceivers and descriptions, makes
 * numbered offers and answers, and lets the test fire `track` and connection state changes.
 */
export class FakePeerConnection implements PeerConnection {
  connectionState: RTCPeerConnectionState = 'new';
  onconnectionstatechange: ((event: Event) => void) | null = null;
  ontrack: ((event: RTCTrackEvent) => void) | null = null;
  readonly transceivers: FakeTransceiver[] = [];
  readonly remoteDescriptions: RTCSessionDescriptionInit[] = [];
  readonly localDescriptions: RTCSessionDescriptionInit[] = [];
  closed = false;
  /** When set, setRemoteDescription rejects with this DOMException name. */
  failRemoteDescription: string | null = null;
  private descriptions = 0;

  constructor(readonly config: RTCConfiguration) {}

  addTransceiver(
    trackOrKind: MediaStreamTrack | string,
    init?: RTCRtpTransceiverInit,
  ): RTCRtpTransceiver {
    const track = typeof trackOrKind === 'string' ? null : trackOrKind;
    const sender = {
      track,
      replaceTrack(next: MediaStreamTrack | null) {
        sender.track = next;
        return Promise.resolve();
      },
    };
    const transceiver: FakeTransceiver = {
      kind: typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind,
      track,
      direction: init?.direction,
      sender,
    };
    this.transceivers.push(transceiver);
    return transceiver as unknown as RTCRtpTransceiver;
  }

  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: `offer-${++this.descriptions}` };
  }

  async createAnswer(): Promise<RTCSessionDescriptionInit> {
    const last = this.remoteDescriptions[this.remoteDescriptions.length - 1];
    return { type: 'answer', sdp: `answer-to-${last?.sdp}` };
  }

  async setLocalDescription(description?: RTCLocalSessionDescriptionInit): Promise<void> {
    this.localDescriptions.push(description as RTCSessionDescriptionInit);
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    // Yield like a browser does, so that ordering bugs would show.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.failRemoteDescription) throw new DOMException('bad', this.failRemoteDescription);
    this.remoteDescriptions.push(description);
  }

  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
  }

  /** The browser reports a new connection state. */
  setConnectionState(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.onconnectionstatechange?.(new Event('connectionstatechange'));
  }

  /** A remote track arrives in a stream with the given id (the msid). */
  fireTrack(kind: 'audio' | 'video', streamId: string, trackId = `${kind}-${streamId}`): MediaStreamTrack {
    const track = { kind, id: trackId } as MediaStreamTrack;
    this.ontrack?.({ track, streams: [{ id: streamId } as MediaStream] } as unknown as RTCTrackEvent);
    return track;
  }
}
