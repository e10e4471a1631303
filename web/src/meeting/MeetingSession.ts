import type { ServerEvent, SubscribeOffer } from '../protocol/messages';
import { SignalingClient } from '../signaling/SignalingClient';
import { SignalingError } from '../signaling/SignalingError';
import type { SignalingSocket } from '../signaling/SignalingSocket';
import type { MeetingAction } from './meetingState';
import { reconnectDelayMs } from './reconnectDelay';

/** The part of RTCPeerConnection the session uses, so that tests can pass a fake. */
export interface PeerConnection {
  readonly connectionState: RTCPeerConnectionState;
  onconnectionstatechange: ((event: Event) => void) | null;
  ontrack: ((event: RTCTrackEvent) => void) | null;
  addTransceiver(trackOrKind: MediaStreamTrack | string, init?: RTCRtpTransceiverInit): RTCRtpTransceiver;
  createOffer(): Promise<RTCSessionDescriptionInit>;
  createAnswer(): Promise<RTCSessionDescriptionInit>;
  setLocalDescription(description?: RTCLocalSessionDescriptionInit): Promise<void>;
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
  close(): void;
}

/**
 * Both PeerConnections' configuration: no ICE servers (the server is ICE-lite and puts its host
 * candidates in its SDP), one transport for every m-section (RFC 8843 BUNDLE) and RTCP muxed
 * with RTP (RFC 5761).
 */
export const PEER_CONNECTION_CONFIG: RTCConfiguration = {
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
};

/**
 * Heartbeat period, in ms (the server closes a socket silent for 25 s with code
 * {@link SILENT_CLOSE_CODE}).
 */
export const PING_INTERVAL_MS = 5000;

/** Reconnect attempts in a row before the session gives up and reports `failed`. */
export const MAX_RECONNECT_ATTEMPTS = 30;

/**
 * The WebSocket close code with which the server ends a connection whose session it signed out;
 * the close reason says why (`signed_in_elsewhere`, `logout`, `password_changed`...).
 */
export const SIGNED_OUT_CLOSE_CODE = 4001;

/**
 * The WebSocket close code with which the server ends a socket it has heard nothing from for
 * 25 s (reason `silent`): a network drop like any other, so the session reconnects.
 */
export const SILENT_CLOSE_CODE = 4000;

/** How long `leave` waits for the server's answer, in ms. */
const LEAVE_TIMEOUT_MS = 2000;

/** What a MeetingSession needs. */
export interface MeetingSessionOptions {
  /** The signaling WebSocket URL, `wss://<host>/ws` (or `ws:` on plain HTTP). */
  signalingUrl: string;
  /** The nine-digit meeting number. */
  meetingNumber: string;
  displayName: string;
  /** My microphone track, or null when there is none. */
  audioTrack: MediaStreamTrack | null;
  /** My camera track, or null when the camera is off. */
  videoTrack: MediaStreamTrack | null;
  /** Whether I join muted (always true without a microphone track). */
  audioMuted: boolean;
  createSocket?: (url: string) => SignalingSocket;
  createPeerConnection?: (config: RTCConfiguration) => PeerConnection;
  /** How long a signaling request waits for its answer, in ms. */
  requestTimeoutMs?: number;
  /** Heartbeat period, in ms. */
  pingIntervalMs?: number;
  maxReconnectAttempts?: number;
}

/** One signaling connection and the two PeerConnections that belong to it. */
interface Connection {
  client: SignalingClient | null;
  publishPc: PeerConnection | null;
  subscribePc: PeerConnection | null;
  videoSender: RTCRtpSender | null;
  pingTimer: ReturnType<typeof setInterval> | null;
  /** The chain that applies subscribe offers strictly one after the other. */
  offers: Promise<void>;
  joined: boolean;
}

/**
 * My presence in one meeting: the signaling connection, the *publish* PeerConnection (I offer,
 * the server answers) and the *subscribe* PeerConnection (the server offers, I answer), as
 * described in docs/protocol.md.
 *
 * It joins, publishes my microphone and camera (always one audio and one video transceiver,
 * sendonly; with the camera off the video sender has no track), answers subscribe offers in
 * order, and reports what happens as {@link MeetingAction}s: `connected` once the publish
 * PeerConnection is connected (media flows), `reconnecting` while it is disconnected. When the WebSocket drops, a ping
 * goes unanswered or a PeerConnection fails, it tears everything down and joins again after
 * 1 s, 2 s, 4 s... (at most 10 s), reporting `reconnecting`; an error answer from the server
 * (`meeting_not_found`, `meeting_full`, `bad_sdp`...) ends in `failed` with that code, as does
 * running out of attempts. `meetingEnded` (the host ended the meeting for everyone) ends the
 * session for good, reporting `meetingEnded` with who ended it. A close with code 4001 ({@link SIGNED_OUT_CLOSE_CODE}) means the
 * server signed the account out: the session ends for good, reporting `signedOut` with the
 * server's reason.
 */
export class MeetingSession {
  private readonly createSocket: (url: string) => SignalingSocket;
  private readonly createPeerConnection: (config: RTCConfiguration) => PeerConnection;
  private readonly pingIntervalMs: number;
  private readonly maxReconnectAttempts: number;
  private audioTrack: MediaStreamTrack | null;
  private videoTrack: MediaStreamTrack | null;
  private audioMuted: boolean;
  private conn: Connection | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly options: MeetingSessionOptions,
    private readonly dispatch: (action: MeetingAction) => void,
  ) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.createPeerConnection =
      options.createPeerConnection ?? ((config) => new RTCPeerConnection(config));
    this.pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
    this.maxReconnectAttempts = options.maxReconnectAttempts ?? MAX_RECONNECT_ATTEMPTS;
    this.audioTrack = options.audioTrack;
    this.videoTrack = options.videoTrack;
    this.audioMuted = options.audioMuted || options.audioTrack === null;
    if (this.audioTrack) this.audioTrack.enabled = !this.audioMuted;
  }

  /** Whether my camera is off (no video track). */
  get videoMuted(): boolean {
    return this.videoTrack === null;
  }

  /** start connects and joins. */
  start(): void {
    this.dispatch({ type: 'localMuted', audioMuted: this.audioMuted, videoMuted: this.videoMuted });
    this.dispatch({ type: 'connecting' });
    this.connect();
  }

  /** retry starts over after `failed`. */
  retry(): void {
    if (this.closed) return;
    this.cancelReconnect();
    this.teardown();
    this.attempt = 0;
    this.dispatch({ type: 'connecting' });
    this.connect();
  }

  /**
   * sendChat says something in the meeting's chat, to everyone or privately to one participant;
   * resolves once the server has it (the message itself comes back as a `meetingChat` event).
   * Rejects with a SignalingError: `bad_message`, `message_too_long`, `participant_not_found`,
   * `not_joined`, `connection_closed`, and for a file `file_not_found` or `not_signed_in`...
   */
  async sendChat(text: string, toParticipantId: string | null, fileId: string | null = null): Promise<void> {
    const client = this.conn?.client;
    if (!client?.isOpen) throw new SignalingError('connection_closed');
    // null (everyone, or no file) goes as JSON null, which the server reads as none.
    await client.request({ type: 'chat', text, toParticipantId: toParticipantId as string, fileId: fileId as string }, 'ok');
  }

  /** setMicrophoneMuted mutes (track disabled, so silence is sent) or unmutes, and tells the others. */
  setMicrophoneMuted(muted: boolean): void {
    this.audioMuted = muted || this.audioTrack === null;
    if (this.audioTrack) this.audioTrack.enabled = !this.audioMuted;
    this.mutedChanged();
  }

  /**
   * setCamera sends the given camera track, or nothing with null (camera off), without
   * renegotiating, and tells the others.
   */
  setCamera(track: MediaStreamTrack | null): void {
    this.videoTrack = track;
    this.conn?.videoSender?.replaceTrack(track).catch(() => {
      // The sender is gone (connection torn down): the next publish uses the new track.
    });
    this.mutedChanged();
  }

  /** leave says goodbye to the server (waiting at most 2 s) and closes everything. */
  async leave(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelReconnect();
    const conn = this.conn;
    if (conn?.joined && conn.client?.isOpen) {
      try {
        await conn.client.leave(LEAVE_TIMEOUT_MS);
      } catch {
        // Closing the WebSocket leaves the meeting too.
      }
    }
    this.teardown();
  }

  /**
   * ended records that the meeting ended for everyone (the host ended it here and the server
   * said yes), in case the `meetingEnded` event does not arrive first: the session closes for
   * good and reports `meetingEnded` by `by`. Nothing happens once the session is closed.
   */
  ended(by: string): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelReconnect();
    this.teardown();
    this.dispatch({ type: 'meetingEnded', by });
  }

  /** close closes everything without a `leave` request (the server sees the WebSocket close). */
  close(): void {
    this.closed = true;
    this.cancelReconnect();
    this.teardown();
  }

  private isCurrent(conn: Connection): boolean {
    return !this.closed && conn === this.conn;
  }

  private connect(): void {
    const conn: Connection = {
      client: null,
      publishPc: null,
      subscribePc: null,
      videoSender: null,
      pingTimer: null,
      offers: Promise.resolve(),
      joined: false,
    };
    let socket: SignalingSocket;
    try {
      socket = this.createSocket(this.options.signalingUrl);
    } catch {
      this.fail('network');
      return;
    }
    this.conn = conn;
    conn.client = new SignalingClient(
      socket,
      {
        onOpen: () => void this.join(conn),
        onEvent: (event) => this.onEvent(conn, event),
        onClose: (code, reason) =>
          code === SIGNED_OUT_CLOSE_CODE
            ? this.signedOut(conn, reason)
            : this.connectionLost(conn, 'connection_lost'),
        onServerError: (code, message) => console.warn(`signaling error ${code}: ${message}`),
      },
      { requestTimeoutMs: this.options.requestTimeoutMs },
    );
  }

  private async join(conn: Connection): Promise<void> {
    if (!this.isCurrent(conn) || conn.client === null) return;
    const client = conn.client;
    conn.pingTimer = setInterval(() => this.ping(conn), this.pingIntervalMs);
    conn.subscribePc = this.createSubscribePeerConnection(conn);
    const sent = { audioMuted: this.audioMuted, videoMuted: this.videoMuted };
    try {
      const joined = await client.join({
        meetingNumber: this.options.meetingNumber,
        displayName: this.options.displayName,
        ...sent,
      });
      if (!this.isCurrent(conn)) return;
      conn.joined = true;
      this.dispatch({
        type: 'joined',
        selfId: joined.participantId,
        participants: joined.participants,
        meeting: joined.meeting ?? null,
        me: joined.me ?? null,
      });
      if (sent.audioMuted !== this.audioMuted || sent.videoMuted !== this.videoMuted) {
        this.sendMuted(conn);
      }
      await this.publish(conn);
    } catch (error) {
      this.onFailure(conn, error, 'media_failed');
    }
  }

  private async publish(conn: Connection): Promise<void> {
    const pc = this.createPeerConnection(PEER_CONNECTION_CONFIG);
    conn.publishPc = pc;
    // `connected` means media flows: the publish PeerConnection's ICE and DTLS are up.
    pc.onconnectionstatechange = () => this.publishStateChanged(conn, pc);
    pc.addTransceiver(this.audioTrack ?? 'audio', { direction: 'sendonly' });
    conn.videoSender = pc.addTransceiver(this.videoTrack ?? 'video', {
      direction: 'sendonly',
    }).sender;
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    // No need to wait for ICE gathering: the server is ICE-lite and the browser is controlling.
    const answer = await conn.client!.publish(offer.sdp ?? '');
    if (!this.isCurrent(conn)) return;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    this.publishStateChanged(conn, pc);
  }

  private publishStateChanged(conn: Connection, pc: PeerConnection): void {
    if (!this.isCurrent(conn)) return;
    switch (pc.connectionState) {
      case 'connected':
        // Only a connection that carried media resets the backoff, so that an unreachable
        // media address ends in `failed` instead of reconnecting at 1 s forever.
        this.attempt = 0;
        this.dispatch({ type: 'connected' });
        break;
      case 'disconnected':
        // ICE lost its path; the browser keeps trying and either recovers or fails.
        this.dispatch({ type: 'reconnecting' });
        break;
      case 'failed':
        this.connectionLost(conn, 'media_failed');
        break;
      default:
        break;
    }
  }

  private createSubscribePeerConnection(conn: Connection): PeerConnection {
    const pc = this.createPeerConnection(PEER_CONNECTION_CONFIG);
    pc.ontrack = (event) => {
      if (!this.isCurrent(conn)) return;
      // The stream id is the msid of the m-section: the participant whose track this is.
      const stream = event.streams[0];
      if (stream === undefined) return;
      this.dispatch({ type: 'remoteTrack', participantId: stream.id, track: event.track });
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed') this.connectionLost(conn, 'media_failed');
    };
    return pc;
  }

  private onEvent(conn: Connection, event: ServerEvent): void {
    if (!this.isCurrent(conn)) return;
    switch (event.type) {
      case 'subscribeOffer':
        conn.offers = conn.offers.then(() => this.answer(conn, event));
        break;
      case 'participantJoined':
        this.dispatch({ type: 'participantJoined', participant: event.participant });
        break;
      case 'participantUpdated':
        this.dispatch({ type: 'participantUpdated', participant: event.participant });
        break;
      case 'participantLeft':
        this.dispatch({
          type: 'participantLeft',
          participantId: event.participantId,
          reason: event.reason,
        });
        break;
      case 'meetingUpdated':
        this.dispatch({ type: 'meetingUpdated', meeting: event.meeting });
        break;
      case 'meetingEnded':
        // The server removed everyone; the client closes the socket and never rejoins.
        this.ended(event.by);
        break;
      case 'meetingChat':
        this.dispatch({ type: 'chat', message: event });
        break;
      case 'presence':
        // Presence is the app connection's business (presence/AppConnection).
        break;
    }
  }

  private async answer(conn: Connection, offer: SubscribeOffer): Promise<void> {
    const pc = conn.subscribePc;
    if (!this.isCurrent(conn) || pc === null || conn.client === null) return;
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      if (!this.isCurrent(conn)) return;
      conn.client
        .subscribeAnswer(offer.version, answer.sdp ?? '')
        .catch((error: unknown) => this.onFailure(conn, error, 'bad_sdp'));
    } catch (error) {
      this.onFailure(conn, error, 'bad_sdp');
    }
  }

  private ping(conn: Connection): void {
    if (!this.isCurrent(conn)) return;
    // A meeting tab is never away: someone is in the meeting.
    conn.client?.ping(false).catch((error: unknown) => {
      if (error instanceof SignalingError && error.code === 'timeout') {
        this.connectionLost(conn, 'timeout');
      }
    });
  }

  private mutedChanged(): void {
    this.dispatch({ type: 'localMuted', audioMuted: this.audioMuted, videoMuted: this.videoMuted });
    if (this.conn?.joined) this.sendMuted(this.conn);
  }

  private sendMuted(conn: Connection): void {
    if (!this.isCurrent(conn)) return;
    conn.client?.setMuted(this.audioMuted, this.videoMuted).catch((error: unknown) => {
      // A lost connection rejoins with the current state; anything else is only logged.
      if (error instanceof SignalingError && !error.isConnectionProblem) {
        console.warn(`setMuted failed: ${error.code}`);
      }
    });
  }

  /** A request or a WebRTC step failed: retry on a new connection, or give up with the code. */
  private onFailure(conn: Connection, error: unknown, otherwise: string): void {
    if (!this.isCurrent(conn)) return;
    if (error instanceof SignalingError) {
      if (error.isConnectionProblem) this.connectionLost(conn, error.code);
      else this.fail(error.code);
      return;
    }
    console.warn('meeting session failure', error);
    this.fail(otherwise);
  }

  private connectionLost(conn: Connection, reason: string): void {
    if (!this.isCurrent(conn)) return;
    this.teardown();
    if (this.attempt >= this.maxReconnectAttempts) {
      this.fail(reason);
      return;
    }
    const delay = reconnectDelayMs(this.attempt);
    this.attempt++;
    this.dispatch({ type: 'reconnecting' });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.connect();
    }, delay);
  }

  /** The server signed this account out here: never reconnect, and say why. */
  private signedOut(conn: Connection, reason: string): void {
    if (!this.isCurrent(conn)) return;
    this.closed = true;
    this.cancelReconnect();
    this.teardown();
    this.dispatch({ type: 'signedOut', reason });
  }

  private fail(reason: string): void {
    this.cancelReconnect();
    this.teardown();
    this.dispatch({ type: 'failed', reason });
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private teardown(): void {
    const conn = this.conn;
    if (conn === null) return;
    this.conn = null;
    if (conn.pingTimer !== null) clearInterval(conn.pingTimer);
    conn.client?.close();
    for (const pc of [conn.publishPc, conn.subscribePc]) {
      if (pc === null) continue;
      pc.onconnectionstatechange = null;
      pc.ontrack = null;
      pc.close();
    }
  }
}
