/**
 * The part of the browser's WebSocket the SignalingClient uses, so that tests can pass a fake.
 * A real `WebSocket` satisfies it.
 */
export interface SignalingSocket {
  /** 0 connecting, 1 open, 2 closing, 3 closed (as WebSocket.readyState). */
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** WebSocket.OPEN, without needing the WebSocket global (absent in some test environments). */
export const SOCKET_OPEN = 1;
