import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountPagePath } from '../account/returnPath';
import { copyText } from '../copyText';
import { useAccount } from '../hooks/useAccount';
import { useLocalMediaState } from '../hooks/useLocalMediaState';
import { useMeetingSession } from '../hooks/useMeetingSession';
import type { LocalMedia } from '../media/LocalMedia';
import type { MeetingSessionOptions } from '../meeting/MeetingSession';
import { formatMeetingNumber, meetingLink, meetingPath } from '../meeting/meetingNumber';
import { navigate } from '../navigation';
import type { JoinChoices } from './JoinChoices';
import { BrandMark } from './BrandMark';
import { ConnectionStatus } from './ConnectionStatus';
import { ControlsBar } from './ControlsBar';
import { FailurePanel } from './FailurePanel';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeList } from './NoticeList';
import { ParticipantsPanel, type ParticipantRow } from './ParticipantsPanel';
import { RemoteAudio } from './RemoteAudio';
import { VideoGrid } from './VideoGrid';
import type { TileModel } from './VideoTile';

/** How long the copy-link button shows its check mark, in ms. */
const COPIED_MS = 2000;

/**
 * MeetingScreen is the meeting itself (dark): the video grid, the controls bar, the
 * participants panel, notices, the connection state, and the remote audio. When the server
 * signs the account out, it goes to the sign-in page, which says why.
 */
export function MeetingScreen(props: {
  meetingNumber: string;
  choices: JoinChoices;
  media: LocalMedia;
  onLeft(choices: JoinChoices): void;
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
  const [cameraBusy, setCameraBusy] = useState(false);
  const [linkCopied, setLinkCopied] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const copiedTimer = useRef<number | undefined>(undefined);
  const { store } = useAccount();

  useEffect(() => {
    document.title = `${t('meeting.title', { number: formatMeetingNumber(meetingNumber) })} · ${t('app.name')}`;
  }, [t, meetingNumber]);
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

  const dismissNotice = useCallback((id: number) => dispatch({ type: 'dismissNotice', id }), [dispatch]);

  const others = [...state.participants.values()];
  const tiles: TileModel[] = [
    {
      participantId: state.selfId ?? '',
      displayName: choices.displayName,
      audioMuted: state.audioMuted,
      videoOn: !state.videoMuted,
      track: local.videoTrack,
      local: true,
    },
    ...others.map((p) => ({
      participantId: p.participantId,
      displayName: p.displayName,
      audioMuted: p.audioMuted,
      videoOn: !p.videoMuted,
      track: state.tracks.get(p.participantId)?.video ?? null,
      local: false,
    })),
  ];
  const rows: ParticipantRow[] = [
    {
      participantId: state.selfId ?? '',
      displayName: choices.displayName,
      audioMuted: state.audioMuted,
      videoMuted: state.videoMuted,
      local: true,
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
        </div>
        <ConnectionStatus state={state.connection} reason={state.failureReason} />
        <LanguageSwitch tone="dark" />
      </header>
      <main className="meeting__body">
        <VideoGrid tiles={tiles} />
        {panelOpen && <ParticipantsPanel id={panelId} rows={rows} onClose={() => setPanelOpen(false)} />}
        {state.connection === 'failed' && (
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
        onLeave={() => void leave()}
      />
      <NoticeList notices={state.notices} onDismiss={dismissNotice} />
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
