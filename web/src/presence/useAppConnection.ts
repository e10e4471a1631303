import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccountStore } from '../account/accountStore';
import type { CallView } from '../api/callsApi';
import type { CallStore } from '../call/callStore';
import type { ChatStore } from '../chat/chatStore';
import type { FriendsStore } from '../friends/friendsStore';
import { signalingUrl } from '../hooks/useMeetingSession';
import type { PresenceState } from '../protocol/messages';
import type { SignalingSocket } from '../signaling/SignalingSocket';
import { ActivityTracker } from './ActivityTracker';
import { AppConnection, type AppConnectionStatus } from './AppConnection';
import { presenceDisplay, type PresenceDisplay } from './presenceDisplay';

/** What useAppConnection may replace (tests). */
export interface AppConnectionSetup {
  createSocket?: (url: string) => SignalingSocket;
  /** The activity tracker's clock, in ms. */
  now?: () => number;
  /** Heartbeat period, in ms. */
  pingIntervalMs?: number;
}

/**
 * useAppConnection keeps an {@link AppConnection} open while someone is signed in (a new one for
 * each account; none for guests), pinging with whether the page is away, and returns my presence
 * to show (null while nobody is signed in). When the server signs the account out (close code
 * 4001) it tells the store, exactly as a meeting does, so that the page goes to the sign-in
 * page and says why. With a friends store, it feeds it my friends' events, and loads it each time
 * the socket opens (events may have been missed while it was closed).
 */
export function useAppConnection(
  store: AccountStore,
  setup: AppConnectionSetup = {},
  friends: FriendsStore | null = null,
  chat: ChatStore | null = null,
  calls: CallStore | null = null,
): PresenceDisplay | null {
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  const userId = state.status === 'signedIn' ? state.account.userId : null;
  const [shown, setShown] = useState<{ userId: number; display: PresenceDisplay } | null>(null);
  const { createSocket, now, pingIntervalMs } = setup;

  useEffect(() => {
    if (userId === null) return;
    const tracker = new ActivityTracker(now);
    const detach = tracker.attach();
    let status: AppConnectionStatus = 'connecting';
    let presence: PresenceState | null = null;
    const show = () => setShown({ userId, display: presenceDisplay(status, presence) });
    const connection = new AppConnection(
      {
        signalingUrl: signalingUrl(window.location),
        userId,
        isAway: () => tracker.isAway,
        createSocket,
        pingIntervalMs,
      },
      {
        onStatus: (next) => {
          status = next;
          show();
          if (next === 'open') {
            void friends?.load();
            void chat?.load();
          }
        },
        onFriendPresence: (friendId, state) => friends?.presence(friendId, state),
        onFriendRequest: (request) => friends?.requestReceived(request),
        onFriendsChanged: () => void friends?.load(),
        onCall: (event) => {
          if (calls === null) return;
          if (event.type === 'callIncoming') calls.incoming(event.call as CallView);
          else if (event.type === 'callAccepted') calls.accepted(event.callId, event.meetingNumber);
          else if (event.type === 'meetingInvite') calls.invited(event.meetingNumber, event.title, event.from.displayName);
          else calls.ended(event.callId, event.reason);
        },
        onChat: (event) => {
          if (chat === null) return;
          if (event.type === 'message') chat.messageReceived(event.message);
          else if (event.type === 'receipt') chat.receiptChanged(event.conversationId, event.userId, event.deliveredSeq, event.readSeq);
          else if (event.type === 'typing') chat.typingChanged(event.conversationId, event.userId);
          else void chat.conversationChanged();
        },
        onPresence: (next) => {
          presence = next;
          show();
        },
        onSignedOut: (reason) => store.signedOutBy(reason),
      },
    );
    connection.start();
    return () => {
      connection.close();
      detach();
    };
  }, [store, userId, createSocket, now, pingIntervalMs, friends, chat, calls]);

  return userId !== null && shown?.userId === userId ? shown.display : null;
}
