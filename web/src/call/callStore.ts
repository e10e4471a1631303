import { ApiError } from '../api/ApiError';
import { acceptCall, cancelCall, declineCall, startCall, type CallView } from '../api/callsApi';
import type { Fetch } from '../api/request';

/** What the call dialog shows. */
export interface CallState {
  /** A call ringing for me. */
  incoming: CallView | null;
  /** My call, ringing at the friend's. */
  outgoing: CallView | null;
  /** Why the last call ended (`declined`, `cancelled`, `missed`, `busy`...), shown for a moment. */
  ended: { reason: string; name: string } | null;
  /** The error code of a call that could not be made or answered. */
  error: string | null;
  /** A friend's invitation into their meeting, until I join or dismiss it. */
  invite: { meetingNumber: string; title: string; from: string } | null;
}

const IDLE: CallState = { incoming: null, outgoing: null, ended: null, error: null, invite: null };

/**
 * CallStore follows my one-to-one calls on this page: calling a friend (`outgoing`), a friend
 * calling me (`incoming`, from the `callIncoming` event), and their end. When a call is accepted
 * (by me here, or by the friend I called) it goes to the call's meeting with `join`; a call I
 * accepted on another page just stops ringing here.
 */
export class CallStore {
  private current: CallState = IDLE;
  private readonly listeners = new Set<() => void>();
  private accepting: number | null = null;

  constructor(
    private readonly join: (meetingNumber: string) => void,
    private readonly fetchFn?: Fetch,
  ) {}

  get state(): CallState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** call rings a friend. */
  async call(userId: number, name: string): Promise<void> {
    if (this.current.outgoing !== null || this.current.incoming !== null) return;
    try {
      const call = await startCall(userId, this.fetchFn);
      this.set({ ...IDLE, outgoing: call });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      this.set({ ...IDLE, ended: code === 'busy' ? { reason: 'busy', name } : null, error: code === 'busy' ? null : code });
    }
  }

  /** accept answers the incoming call; the meeting follows with the `callAccepted` event. */
  async accept(): Promise<void> {
    const call = this.current.incoming;
    if (call === null) return;
    this.accepting = call.callId;
    try {
      const number = await acceptCall(call.callId, this.fetchFn);
      this.set(IDLE);
      this.join(number);
    } catch (e) {
      this.accepting = null;
      this.set({ ...IDLE, error: e instanceof ApiError ? e.code : 'unknown' });
    }
  }

  /** decline refuses the incoming call. */
  async decline(): Promise<void> {
    const call = this.current.incoming;
    if (call === null) return;
    this.set(IDLE);
    await declineCall(call.callId, this.fetchFn).catch(() => undefined);
  }

  /** cancel hangs up my call while it rings. */
  async cancel(): Promise<void> {
    const call = this.current.outgoing;
    if (call === null) return;
    this.set(IDLE);
    await cancelCall(call.callId, this.fetchFn).catch(() => undefined);
  }

  /** dismiss hides the notice of the last call's end. */
  dismiss(): void {
    this.set({ ...this.current, ended: null, error: null });
  }

  /** invited applies a `meetingInvite` event. */
  invited(meetingNumber: string, title: string, from: string): void {
    this.set({ ...this.current, invite: { meetingNumber, title, from } });
  }

  /** joinInvite goes to the meeting I was invited into. */
  joinInvite(): void {
    const invite = this.current.invite;
    if (invite === null) return;
    this.set({ ...this.current, invite: null });
    this.join(invite.meetingNumber);
  }

  /** dismissInvite forgets the invitation. */
  dismissInvite(): void {
    this.set({ ...this.current, invite: null });
  }

  /** incoming applies a `callIncoming` event. */
  incoming(call: CallView): void {
    if (this.current.outgoing !== null) return; // the server says busy; never two at once here
    if (this.current.incoming?.callId === call.callId) return; // told again on (re)connecting
    this.set({ ...IDLE, incoming: call });
  }

  /** accepted applies a `callAccepted` event. */
  accepted(callId: number, meetingNumber: string): void {
    if (this.current.outgoing?.callId === callId) {
      this.set(IDLE);
      this.join(meetingNumber);
    } else if (this.current.incoming?.callId === callId && this.accepting !== callId) {
      this.set(IDLE); // accepted on another of my pages
    }
  }

  /** ended applies a `callEnded` event. */
  ended(callId: number, reason: string): void {
    const call = this.current.outgoing?.callId === callId ? this.current.outgoing : this.current.incoming;
    if (call === null || call.callId !== callId) return;
    const other = call === this.current.outgoing ? call.callee : call.caller;
    this.set({ ...IDLE, ended: { reason, name: other.displayName } });
  }

  private set(next: CallState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
