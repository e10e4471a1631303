import type { PresenceState } from '../protocol/messages';
import type { AppConnectionStatus } from './AppConnection';

/**
 * What the header shows of my presence (`data-presence` of the indicator): the server's
 * presence, or `reconnecting` while the app connection is down.
 */
export type PresenceDisplay = PresenceState | 'reconnecting';

/**
 * presenceDisplay combines the app connection's state and the last presence the server sent:
 * `reconnecting` after a drop until the connection is back, `offline` before the server has
 * said anything or once the connection is closed, else the server's presence.
 */
export function presenceDisplay(status: AppConnectionStatus, presence: PresenceState | null): PresenceDisplay {
  if (status === 'reconnecting') return 'reconnecting';
  if (status === 'closed') return 'offline';
  return presence ?? 'offline';
}
