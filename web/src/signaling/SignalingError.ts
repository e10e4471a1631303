/**
 * A signaling request that failed. `code` is either the server's ErrorResponse code
 * (`meeting_not_found`, `bad_request`, `meeting_full`, `bad_sdp`, `not_joined`, ...) or one of the
 * client's own: `timeout` (no answer in time), `connection_closed` (the WebSocket closed before the
 * answer) and `unexpected_response` (an answer of the wrong type). The UI translates `code`.
 */
export class SignalingError extends Error {
  /** Codes produced by the client itself rather than sent by the server. */
  static readonly CLIENT_CODES: ReadonlySet<string> = new Set([
    'timeout',
    'connection_closed',
    'unexpected_response',
  ]);

  /** The machine-readable reason. */
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = 'SignalingError';
    this.code = code;
  }

  /** isConnectionProblem tells whether retrying on a new connection may help. */
  get isConnectionProblem(): boolean {
    return this.code === 'timeout' || this.code === 'connection_closed';
  }
}
