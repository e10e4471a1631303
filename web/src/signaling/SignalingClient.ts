import type {
  JoinRequest,
  JoinResponse,
  OkResponse,
  PublishResponse,
  RequestBody,
  ServerEvent,
  ServerResponse,
} from '../protocol/messages';
import { isServerEventType } from '../protocol/messages';
import { SignalingError } from './SignalingError';
import { SOCKET_OPEN, type SignalingSocket } from './SignalingSocket';

/** What the SignalingClient reports upward. */
export interface SignalingClientListener {
  /** The WebSocket opened: requests can be sent. */
  onOpen?(): void;
  /**
   * A server event arrived (subscribeOffer, participantJoined, participantUpdated,
   * participantLeft, meetingUpdated, meetingEnded, presence).
   */
  onEvent?(event: ServerEvent): void;
  /** The WebSocket closed (not called after {@link SignalingClient.close}). */
  onClose?(code: number, reason: string): void;
  /** The server reported an error not tied to a request (id 0), e.g. an unreadable frame. */
  onServerError?(code: string, message: string): void;
}

/** Options of a SignalingClient. */
export interface SignalingClientOptions {
  /** How long a request waits for its answer before failing with `timeout`, in ms. */
  requestTimeoutMs?: number;
}

interface PendingRequest {
  expected: ServerResponse['type'];
  resolve(message: ServerResponse): void;
  reject(error: SignalingError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Default time a request waits for its answer, in ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The client side of the `/ws` signaling protocol on one WebSocket: it numbers requests
 * (1, 2, 3... on this connection), matches each answer to its request by `id`, fails requests
 * that get no answer in time, and hands server events to its listener.
 *
 * Frames that are not JSON objects with a string `type`, and answers to no pending request
 * (for instance after a timeout), are dropped and counted in {@link droppedFrames}.
 */
export class SignalingClient {
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly requestTimeoutMs: number;
  private closed = false;
  private dropped = 0;

  constructor(
    private readonly socket: SignalingSocket,
    private readonly listener: SignalingClientListener,
    options: SignalingClientOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    socket.onopen = () => {
      if (!this.closed) this.listener.onOpen?.();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // A close event always follows an error event; it carries the outcome.
    };
    socket.onclose = (event) => {
      if (this.closed) return;
      this.closed = true;
      this.failAll('connection_closed');
      this.listener.onClose?.(event.code, event.reason);
    };
  }

  /** Frames dropped so far: unreadable, of unknown shape, or answering no pending request. */
  get droppedFrames(): number {
    return this.dropped;
  }

  /** isOpen tells whether requests can be sent now. */
  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === SOCKET_OPEN;
  }

  /** join sends `join`; resolves with the `joinResponse`. */
  join(request: Omit<RequestBody<JoinRequest>, 'type'>): Promise<JoinResponse> {
    return this.request({ type: 'join', ...request }, 'joinResponse');
  }

  /** publish sends `publish` with the publish PeerConnection's SDP offer; resolves with the answer. */
  publish(sdp: string): Promise<PublishResponse> {
    return this.request({ type: 'publish', sdp }, 'publishResponse');
  }

  /** subscribeAnswer answers the `subscribeOffer` of the given version. */
  subscribeAnswer(version: number, sdp: string): Promise<OkResponse> {
    return this.request({ type: 'subscribeAnswer', version, sdp }, 'ok');
  }

  /** setMuted tells the others that my microphone or camera changed. */
  setMuted(audioMuted: boolean, videoMuted: boolean): Promise<OkResponse> {
    return this.request({ type: 'setMuted', audioMuted, videoMuted }, 'ok');
  }

  /** leave leaves the meeting. */
  leave(timeoutMs?: number): Promise<OkResponse> {
    return this.request({ type: 'leave' }, 'ok', timeoutMs);
  }

  /**
   * ping is the heartbeat (every 5 s); `away` says that nobody has touched the page for
   * 10 minutes (a meeting tab is never away).
   */
  ping(away = false): Promise<OkResponse> {
    return this.request({ type: 'ping', away }, 'ok');
  }

  /**
   * request sends one request and waits for its answer.
   *
   * @param body the request without its id
   * @param expected the `type` of a successful answer
   * @param timeoutMs how long to wait, in ms
   * @returns the answer; rejects with a SignalingError carrying the server's code when the answer
   *     is an `error`, or `timeout`, `connection_closed` or `unexpected_response`
   */
  request<T extends ServerResponse['type']>(
    body: RequestBody,
    expected: T,
    timeoutMs: number = this.requestTimeoutMs,
  ): Promise<Extract<ServerResponse, { type: T }>> {
    if (!this.isOpen) {
      return Promise.reject(new SignalingError('connection_closed'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SignalingError('timeout', `no answer to ${body.type} #${id} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        expected,
        resolve: resolve as (message: ServerResponse) => void,
        reject,
        timer,
      });
      try {
        this.socket.send(JSON.stringify({ ...body, id }));
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new SignalingError('connection_closed', String(error)));
      }
    });
  }

  /** close closes the WebSocket and fails every pending request with `connection_closed`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.failAll('connection_closed');
    this.socket.onopen = null;
    this.socket.onmessage = null;
    this.socket.onclose = null;
    this.socket.onerror = null;
    try {
      this.socket.close(1000, 'client closed');
    } catch {
      // Already closed.
    }
  }

  private receive(data: unknown): void {
    if (this.closed) return;
    let message: unknown;
    try {
      message = typeof data === 'string' ? JSON.parse(data) : undefined;
    } catch {
      message = undefined;
    }
    if (typeof message !== 'object' || message === null) {
      this.dropped++;
      return;
    }
    const { type, id } = message as { type?: unknown; id?: unknown };
    if (typeof type !== 'string') {
      this.dropped++;
      return;
    }
    if (isServerEventType(type)) {
      this.listener.onEvent?.(message as ServerEvent);
      return;
    }
    const pending = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (pending === undefined) {
      if (type === 'error' && (id === 0 || id === undefined)) {
        const { code, message: text } = message as { code?: unknown; message?: unknown };
        this.listener.onServerError?.(String(code), String(text ?? ''));
      } else {
        this.dropped++;
      }
      return;
    }
    this.pending.delete(id as number);
    clearTimeout(pending.timer);
    if (type === 'error') {
      const { code, message: text } = message as { code?: unknown; message?: unknown };
      pending.reject(
        new SignalingError(typeof code === 'string' ? code : 'unknown', String(text ?? '')),
      );
    } else if (type === pending.expected) {
      pending.resolve(message as ServerResponse);
    } else {
      pending.reject(
        new SignalingError('unexpected_response', `expected ${pending.expected}, got ${type}`),
      );
    }
  }

  private failAll(code: string): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new SignalingError(code));
    }
    this.pending.clear();
  }
}
