import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignalingError } from '../signaling/SignalingError';
import { accountPagePath } from '../account/returnPath';
import { ApiError } from '../api/ApiError';
import { endMeeting, updateMeeting, type Fetch } from '../api/meetingsApi';
import { copyText } from '../copyText';
import { useAccount } from '../hooks/useAccount';
import { useLocalMediaState } from '../hooks/useLocalMediaState';
import { useMeetingSession } from '../hooks/useMeetingSession';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import type { LocalMedia } from '../media/LocalMedia';
import type { MeetingSessionOptions } from '../meeting/MeetingSession';
import { formatMeetingNumber, meetingLink, meetingPath } from '../meeting/meetingNumber';
import { navigate } from '../navigation';
import type { JoinChoices } from './JoinChoices';
import { BrandMark } from './BrandMark';
import { ConnectionStatus } from './ConnectionStatus';
import { ControlsBar } from './ControlsBar';
import { EndMeetingDialog } from './EndMeetingDialog';
import { FailurePanel } from './FailurePanel';
import { HostControls } from './HostControls';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeList } from './NoticeList';
import { InviteFriends } from './InviteFriends';
import { MeetingChatPanel } from './MeetingChatPanel';
import { ParticipantsPanel, type ParticipantRow } from './ParticipantsPanel';
import { RemoteAudio } from './RemoteAudio';
import { VideoGrid } from './VideoGrid';
import type { TileModel } from './VideoTile';

/** How long the copy-link button shows its check mark, in ms. */
const COPIED_MS = 2000;

/**
 * MeetingScreen is the meeting itself (dark): the meeting's title, the video grid, the controls
 * bar, the participants panel, notices, the connection state, and the remote audio. The host
 * also gets "Allow guests" and "End meeting for everyone" (after a confirm dialog). When the
 * meeting ends for everyone it hands over to `onEnded`; when the server refuses a guest
 * (`sign_in_required`), to `onSignInRequired`. When the server signs the account out, it goes
 * to the sign-in page, which says why.
 */
export function MeetingScreen(props: {
  meetingNumber: string;
  choices: JoinChoices;
  media: LocalMedia;
  onLeft(choices: JoinChoices): void;
  /** The meeting ended for everyone; `by` is who ended it. */
  onEnded(by: string): void;
  /** The server refused to let me join as a guest: the host does not allow guests. */
  onSignInRequired(): void;
  /** The fetch of the host's requests (tests). */
  fetchFn?: Fetch;
  /** Replaces the WebSocket and RTCPeerConnection factories (tests). */
  connect?: Pick<MeetingSessionOptions, 'createSocket' | 'createPeerConnection'>;
}) {
  const { meetingNumber, choices, media } = props;
  const { t } = useTranslation();
  const panelId = useId();
  const local = useLocalMediaState(media);
  const { state, session, dispatch } = useMeetingSession({
    meetingNumber,
    displayName: choices.displayName,
    audioTrack: local.audioTrack,
    videoTrack: local.videoTrack,
    audioMuted: choices.audioMuted,
    ...props.connect,
  });
  const [panelOpen, setPanelOpen] = useState(false);
  const chatId = useId();
  const [chatOpen, setChatOpen] = useState(false);
  // How many chat messages I have seen: those that came while the chat was open.
  const [chatSeen, setChatSeen] = useState(0);
  const [cameraBusy, setCameraBusy] = useState(false);
  const [linkCopied, setLinkCopied] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const copiedTimer = useRef<number | undefined>(undefined);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [hostBusy, setHostBusy] = useState(false);
  const [endError, setEndError] = useState<ErrorKey | null>(null);
  const { store } = useAccount();
  const { onEnded, onSignInRequired } = props;
  const title = state.meeting?.title ?? null;
  const amHost = state.meeting?.youAreHost === true || state.me?.host === true;
  const myName = state.me?.displayName ?? choices.displayName;

  useEffect(() => {
    const heading = title ?? t('meeting.title', { number: formatMeetingNumber(meetingNumber) });
    document.title = `${heading} · ${t('app.name')}`;
  }, [t, meetingNumber, title]);
  useEffect(() => {
    if (state.endedBy !== null) onEnded(state.endedBy);
  }, [state.endedBy, onEnded]);
  useEffect(() => {
    if (state.failureReason === 'sign_in_required') onSignInRequired();
  }, [state.failureReason, onSignInRequired]);
  useEffect(() => () => window.clearTimeout(copiedTimer.current), []);
  // Signed out by the server (another sign-in, a sign-out elsewhere, a new password): the
  // sign-in page says why and comes back to this meeting.
  useEffect(() => {
    if (state.signedOut === null) return;
    store.signedOutBy(state.signedOut);
    navigate(accountPagePath('/login', meetingPath(meetingNumber)), { replace: true });
  }, [state.signedOut, store, meetingNumber]);

  const toggleCamera = async () => {
    if (session === null) return;
    setCameraBusy(true);
    try {
      if (!state.videoMuted) {
        session.setCamera(null);
        await media.setCamera(false, choices.cameraId);
      } else {
        const track = await media.setCamera(true, choices.cameraId);
        if (track !== null) {
          session.setCamera(track);
        } else {
          dispatch({ type: 'notice', key: `media.camera.${media.state.videoError ?? 'unknown'}` });
        }
      }
    } finally {
      setCameraBusy(false);
    }
  };

  const copyLink = async () => {
    const link = meetingLink(meetingNumber, window.location.origin);
    if (await copyText(link)) {
      dispatch({ type: 'notice', key: 'notices.linkCopied' });
      setLinkCopied(true);
      window.clearTimeout(copiedTimer.current);
      copiedTimer.current = window.setTimeout(() => setLinkCopied(false), COPIED_MS);
    } else {
      dispatch({ type: 'notice', key: 'notices.copyFailed', values: { link } });
    }
  };

  const leave = async () => {
    setLeaving(true);
    await session?.leave();
    props.onLeft({ ...choices, audioMuted: state.audioMuted, cameraOn: !state.videoMuted });
  };

  const setAllowGuests = async (allowGuests: boolean) => {
    const before = state.meeting;
    if (before === null) return;
    setHostBusy(true);
    // Shown at once (a checkbox that does not follow a click looks broken); undone on failure.
    dispatch({ type: 'meetingUpdated', meeting: { ...before, allowGuests } });
    try {
      const meeting = await updateMeeting(meetingNumber, { allowGuests }, props.fetchFn);
      dispatch({ type: 'meetingUpdated', meeting });
    } catch (error) {
      dispatch({ type: 'meetingUpdated', meeting: before });
      dispatch({ type: 'notice', key: errorKey(error instanceof ApiError ? error.code : 'unknown') });
    } finally {
      setHostBusy(false);
    }
  };

  const endForEveryone = async () => {
    setEndError(null);
    setHostBusy(true);
    try {
      await endMeeting(meetingNumber, props.fetchFn);
      // Everyone, me too, gets `meetingEnded`; this covers the case where it comes late.
      session?.ended(myName);
    } catch (error) {
      setEndError(errorKey(error instanceof ApiError ? error.code : 'unknown'));
      setHostBusy(false);
    }
  };

  const cancelEnd = useCallback(() => setConfirmEnd(false), []);

  const dismissNotice = useCallback((id: number) => dispatch({ type: 'dismissNotice', id }), [dispatch]);

  const others = [...state.participants.values()];
  const tiles: TileModel[] = [
    {
      participantId: state.selfId ?? '',
      displayName: myName,
      audioMuted: state.audioMuted,
      videoOn: !state.videoMuted,
      track: local.videoTrack,
      local: true,
      host: state.me?.host,
      guest: state.me?.guest,
      avatarUrl: state.me?.avatarUrl,
    },
    ...others.map((p) => ({
      participantId: p.participantId,
      displayName: p.displayName,
      audioMuted: p.audioMuted,
      videoOn: !p.videoMuted,
      track: state.tracks.get(p.participantId)?.video ?? null,
      local: false,
      host: p.host,
      guest: p.guest,
      avatarUrl: p.avatarUrl,
    })),
  ];
  const rows: ParticipantRow[] = [
    {
      participantId: state.selfId ?? '',
      displayName: myName,
      audioMuted: state.audioMuted,
      videoMuted: state.videoMuted,
      local: true,
      host: state.me?.host,
      guest: state.me?.guest,
      avatarUrl: state.me?.avatarUrl,
    },
    ...others.map((p) => ({ ...p, local: false })),
  ];

  return (
    <div className="meeting">
      <header className="meeting__header">
        <div className="meeting__title">
          <BrandMark tone="dark" />
          <span className="meeting__number">
            <span className="visually-hidden">{t('meeting.number')} </span>
            {formatMeetingNumber(meetingNumber)}
          </span>
          {title !== null && <h1 className="meeting__name">{title}</h1>}
        </div>
        <ConnectionStatus state={state.connection} reason={state.failureReason} />
        <div className="meeting__actions">
          {amHost && state.meeting !== null && (
            <HostControls
              allowGuests={state.meeting.allowGuests}
              busy={hostBusy}
              onAllowGuests={(allow) => void setAllowGuests(allow)}
              onEndMeeting={() => {
                setEndError(null);
                setConfirmEnd(true);
              }}
            />
          )}
          <LanguageSwitch tone="dark" />
        </div>
      </header>
      <main className="meeting__body">
        <VideoGrid tiles={tiles} />
        {panelOpen && (
          <ParticipantsPanel id={panelId} rows={rows} onClose={() => setPanelOpen(false)}>
            <InviteFriends meetingNumber={meetingNumber} />
          </ParticipantsPanel>
        )}
        {chatOpen && (
          <MeetingChatPanel
            id={chatId}
            messages={state.chat}
            selfId={state.selfId}
            others={others}
            onSend={(text, to) => session?.sendChat(text, to) ?? Promise.resolve()}
            onSendFile={
              state.me?.guest
                ? undefined
                : (fileId, to) => session?.sendChat('', to, fileId) ?? Promise.reject(new SignalingError('connection_closed'))
            }
            meetingNumber={meetingNumber}
            onClose={() => setChatOpen(false)}
          />
        )}
        {state.connection === 'failed' && state.failureReason !== 'sign_in_required' && (
          <FailurePanel reason={state.failureReason} onRetry={() => session?.retry()} />
        )}
      </main>
      <ControlsBar
        audioMuted={state.audioMuted}
        microphoneAvailable={local.audioTrack !== null}
        cameraOn={!state.videoMuted}
        cameraBusy={cameraBusy || session === null}
        linkCopied={linkCopied}
        participantCount={rows.length}
        panelOpen={panelOpen}
        panelId={panelId}
        leaving={leaving}
        onToggleMic={() => session?.setMicrophoneMuted(!state.audioMuted)}
        onToggleCamera={() => void toggleCamera()}
        onCopyLink={() => void copyLink()}
        onTogglePanel={() => setPanelOpen(!panelOpen)}
        chatOpen={chatOpen}
        chatId={chatId}
        chatUnread={chatOpen ? 0 : Math.max(0, state.chat.length - chatSeen)}
        onToggleChat={() => {
          setChatSeen(state.chat.length);
          setChatOpen(!chatOpen);
        }}
        onLeave={() => void leave()}
      />
      <NoticeList notices={state.notices} onDismiss={dismissNotice} />
      {confirmEnd && (
        <EndMeetingDialog
          busy={hostBusy}
          error={endError}
          onConfirm={() => void endForEveryone()}
          onCancel={cancelEnd}
        />
      )}
      <div hidden>
        {others.map((p) => {
          const track = state.tracks.get(p.participantId)?.audio;
          return track ? (
            <RemoteAudio key={p.participantId} participantId={p.participantId} track={track} speakerId={choices.speakerId} />
          ) : null;
        })}
      </div>
    </div>
  );
}
