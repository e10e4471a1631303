import type { FriendRequestView } from '../api/friendsApi';
import { isPresenceState, type PresenceState, type ServerEvent } from '../protocol/messages';
import { PING_INTERVAL_MS, SIGNED_OUT_CLOSE_CODE } from '../meeting/MeetingSession';
import { reconnectDelayMs } from '../meeting/reconnectDelay';
import { SignalingClient } from '../signaling/SignalingClient';
import { SignalingError } from '../signaling/SignalingError';
import type { SignalingSocket } from '../signaling/SignalingSocket';

/**
 * The state of the app connection: `connecting` (the first socket is opening), `open`,
 * `reconnecting` (after a drop, waiting or opening again) or `closed` (signed out, or closed).
 */
export type AppConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What an AppConnection reports upward. */
export interface AppConnectionListener {
  /** The connection's state changed. */
  onStatus?(status: AppConnectionStatus): void;
  /** The server said my presence (`presence` event). */
  onPresence?(state: PresenceState): void;
  /** A friend's presence changed (`presence` event about somebody else). */
  onFriendPresence?(userId: number, state: PresenceState): void;
  /** Somebody asked me to be their friend (`friendRequest` event). */
  onFriendRequest?(request: FriendRequestView): void;
  /** My friends or friend requests changed elsewhere (`friendsChanged` event): load them again. */
  onFriendsChanged?(reason: string, userId: number): void;
  /** A call event: `callIncoming`, `callAccepted` or `callEnded`; or an invitation, `meetingInvite`. */
  onCall?(event: Extract<ServerEvent, { type: 'callIncoming' | 'callAccepted' | 'callEnded' | 'meetingInvite' }>): void;
  /** A chat event: `message`, `receipt`, `typing` or `conversationChanged`. */
  onChat?(event: Extract<ServerEvent, { type: 'message' | 'receipt' | 'typing' | 'conversationChanged' }>): void;
  /**
   * The server signed the account out and closed the socket with code 4001; `reason` is the
   * close reason (`signed_in_elsewhere`, `logout`, `password_changed`, `revoked`).
   */
  onSignedOut?(reason: string): void;
}

/** What an AppConnection needs. */
export interface AppConnectionOptions {
  /** The signaling WebSocket URL, `wss://<host>/ws` (or `ws:` on plain HTTP). */
  signalingUrl: string;
  /** My user id: `presence` events about anybody else are my friends'. */
  userId: number;
  /** Whether nobody has used the page for 10 minutes (the `away` of each ping). */
  isAway(): boolean;
  createSocket?: (url: string) => SignalingSocket;
  /** Heartbeat period, in ms. */
  pingIntervalMs?: number;
  /** How long a ping waits for its answer, in ms. */
  requestTimeoutMs?: number;
}

/**
 * AppConnection is the signed-in page's own socket on `/ws`, open on every page (not only in a
 * meeting): it pings every 5 s saying whether the page is away, receives my `presence` and my
 * friends' (`presence`, `friendRequest`, `friendsChanged`), and
 * learns at once when the server signs the account out (close code 4001), wherever I am.
 * After any other close (a network drop, or code 4000 `silent`), or an unanswered ping, it opens
 * a new socket after 1 s, 2 s, 4 s... (at most 10 s), for as long as it is not closed.
 * See docs/protocol.md, "ping", "presence" and "The WebSocket and the session".
 */
export class AppConnection {
  private readonly createSocket: (url: string) => SignalingSocket;
  private readonly pingIntervalMs: number;
  private client: SignalingClient | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly options: AppConnectionOptions,
    private readonly listener: AppConnectionListener,
  ) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
  }

  /** start opens the first socket. */
  start(): void {
    if (this.closed || this.client !== null) return;
    this.listener.onStatus?.('connecting');
    this.connect();
  }

  /** close closes the socket for good (signed out, or the page goes). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelReconnect();
    this.teardown();
    this.listener.onStatus?.('closed');
  }

  private connect(): void {
    let socket: SignalingSocket;
    try {
      socket = this.createSocket(this.options.signalingUrl);
    } catch {
      this.scheduleReconnect();
      return;
    }
    const client: SignalingClient = new SignalingClient(
      socket,
      {
        onOpen: () => this.opened(client),
        onEvent: (event) => this.onEvent(client, event),
        onClose: (code, reason) => {
          if (client !== this.client) return;
          if (code === SIGNED_OUT_CLOSE_CODE) this.signedOut(reason);
          else this.lost();
        },
      },
      { requestTimeoutMs: this.options.requestTimeoutMs },
    );
    this.client = client;
  }

  private opened(client: SignalingClient): void {
    if (this.closed || client !== this.client) return;
    this.listener.onStatus?.('open');
    this.ping(client);
    this.pingTimer = setInterval(() => this.ping(client), this.pingIntervalMs);
  }

  private onEvent(client: SignalingClient, event: ServerEvent): void {
    if (this.closed || client !== this.client) return;
    switch (event.type) {
      case 'presence':
        if (!isPresenceState(event.state)) return;
        if (event.userId === this.options.userId) {
          this.attempt = 0;
          this.listener.onPresence?.(event.state);
        } else {
          this.listener.onFriendPresence?.(event.userId, event.state);
        }
        return;
      case 'friendRequest':
        this.listener.onFriendRequest?.(event.request as FriendRequestView);
        return;
      case 'friendsChanged':
        this.listener.onFriendsChanged?.(event.reason, event.userId);
        return;
      case 'message':
      case 'receipt':
      case 'typing':
      case 'conversationChanged':
        this.listener.onChat?.(event);
        return;
      case 'callIncoming':
      case 'callAccepted':
      case 'callEnded':
      case 'meetingInvite':
        this.listener.onCall?.(event);
        return;
      default:
        return;
    }
  }

  private ping(client: SignalingClient): void {
    if (this.closed || client !== this.client) return;
    client.ping(this.options.isAway()).then(
      () => {
        // Only a socket the server answers resets the backoff.
        if (client === this.client) this.attempt = 0;
      },
      (error: unknown) => {
        if (client !== this.client) return;
        if (error instanceof SignalingError && error.code === 'timeout') this.lost();
      },
    );
  }

  private lost(): void {
    if (this.closed) return;
    this.teardown();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = reconnectDelayMs(this.attempt);
    this.attempt++;
    this.listener.onStatus?.('reconnecting');
    this.cancelReconnect();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.connect();
    }, delay);
  }

  /** The server signed this account out: never reconnect (a new socket would be anonymous). */
  private signedOut(reason: string): void {
    this.close();
    this.listener.onSignedOut?.(reason);
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private teardown(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const client = this.client;
    this.client = null;
    client?.close();
  }
}
