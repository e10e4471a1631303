import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { getMeeting, type Fetch, type MeetingSummary } from '../api/meetingsApi';
import { useAccount } from '../hooks/useAccount';
import { useLocalMediaState } from '../hooks/useLocalMediaState';
import { useMediaDevices } from '../hooks/useMediaDevices';
import { useMicLevel } from '../hooks/useMicLevel';
import { errorKey } from '../i18n/errorKey';
import type { LocalMedia } from '../media/LocalMedia';
import { accountPagePath } from '../account/returnPath';
import { formatMeetingNumber, meetingPath } from '../meeting/meetingNumber';
import {
  loadDevicePreferences,
  loadDisplayName,
  saveDevicePreferences,
  saveDisplayName,
  type DevicePreferences,
} from '../preferences';
import type { JoinChoices } from './JoinChoices';
import { AppLink } from './AppLink';
import { Avatar } from './Avatar';
import { BusyButton } from './BusyButton';
import { CameraButton } from './CameraButton';
import { DeviceSelect } from './DeviceSelect';
import { GuestNameField } from './GuestNameField';
import { Icon } from './Icon';
import { LightHeader } from './LightHeader';
import { MicButton } from './MicButton';
import { MicLevelMeter } from './MicLevelMeter';
import { SignInRequiredPanel } from './SignInRequiredPanel';
import { TrackVideo } from './TrackVideo';

const canChooseSpeaker =
  typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/**
 * PreJoinScreen (`/m/<number>` before joining): the meeting's title and host, camera preview,
 * live microphone level, device pickers, whether to join with camera or microphone off, and
 * "Join meeting". Signed in, I join under my account's display name (shown, not editable). As a
 * guest I type a display name, when the host allows guests; otherwise (or when the server
 * answered a join with `sign_in_required`) a panel asks me to sign in instead of "Join meeting".
 * Without a camera or microphone (blocked or missing) it says why and lets me join anyway.
 */
export function PreJoinScreen(props: {
  meetingNumber: string;
  media: LocalMedia;
  onJoin(choices: JoinChoices): void;
  fetchFn?: Fetch;
  /** The server refused to let me join as a guest (`sign_in_required`). */
  signInRequired?: boolean;
}) {
  const { meetingNumber, media } = props;
  const { t } = useTranslation();
  const local = useLocalMediaState(media);
  const { account } = useAccount();
  const accountName = account?.displayName ?? null;
  const [displayName, setDisplayName] = useState(() => accountName ?? loadDisplayName());
  // Typed here: the account's name (which may arrive later) no longer replaces it.
  const edited = useRef(false);
  const [nameError, setNameError] = useState(false);
  const [devices, setDevices] = useState<DevicePreferences>(loadDevicePreferences);
  const [audioMuted, setAudioMuted] = useState(false);
  const [cameraOn, setCameraOn] = useState(true);
  const [joining, setJoining] = useState(false);
  const [summary, setSummary] = useState<MeetingSummary | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const ready = useRef<Promise<unknown>>(Promise.resolve());
  const lists = useMediaDevices(local);
  const noMicrophone = local.audioTrack === null;
  const level = useMicLevel(local.audioTrack, !audioMuted);

  useEffect(() => {
    const prefs = loadDevicePreferences();
    ready.current = media.start({
      audio: true,
      video: true,
      microphoneId: prefs.microphoneId,
      cameraId: prefs.cameraId,
    });
  }, [media]);

  useEffect(() => {
    document.title = `${t('prejoin.meeting', { number: formatMeetingNumber(meetingNumber) })} · ${t('app.name')}`;
  }, [t, meetingNumber]);

  useEffect(() => {
    let cancelled = false;
    getMeeting(meetingNumber, props.fetchFn)
      .then((found) => !cancelled && setSummary(found))
      .catch((error: unknown) => {
        // Only a definite answer is worth showing; joining reports anything else.
        if (!cancelled && error instanceof ApiError && error.code === 'meeting_not_found') {
          setLookupError(error.code);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [meetingNumber, props.fetchFn]);

  useEffect(() => {
    if (accountName !== null && !edited.current) setDisplayName(accountName);
  }, [accountName]);

  useEffect(() => {
    if (local.audioTrack) local.audioTrack.enabled = !audioMuted;
  }, [local.audioTrack, audioMuted]);

  const chooseDevices = (next: DevicePreferences) => {
    setDevices(next);
    saveDevicePreferences(next);
  };

  // Shown as off when the camera could not be opened; clicking then tries again.
  const cameraShownOn = cameraOn && local.videoError === null;
  const toggleCamera = () => {
    const next = !cameraShownOn;
    setCameraOn(next);
    ready.current = media.setCamera(next, devices.cameraId);
  };

  const guestsRefused = summary !== null && !summary.allowGuests;
  const mustSignIn = props.signInRequired === true || (accountName === null && guestsRefused);

  const onJoin = async () => {
    if (accountName === null && displayName.trim() === '') {
      setNameError(true);
      return;
    }
    setJoining(true);
    if (accountName === null) saveDisplayName(displayName);
    await ready.current.catch(() => undefined);
    const state = media.state;
    props.onJoin({
      // Signed in, the server uses the account's name whatever is sent.
      displayName: accountName ?? displayName.trim(),
      audioMuted: audioMuted || state.audioTrack === null,
      cameraOn: state.videoTrack !== null,
      ...devices,
    });
  };

  const cameraValue = devices.cameraId || (local.videoTrack?.getSettings?.().deviceId ?? '');
  const microphoneValue =
    devices.microphoneId || (local.audioTrack?.getSettings?.().deviceId ?? '');
  const showVideo = cameraOn && local.videoTrack !== null;

  return (
    <div className="light-page">
      <LightHeader />
      <main className="prejoin">
        <section className="prejoin__preview" aria-label={t('prejoin.preview')}>
          <div className="preview">
            <TrackVideo track={local.videoTrack} visible={showVideo} mirrored className="preview__video" />
            {!showVideo && (
              <div className="preview__off">
                <Avatar name={displayName || '?'} size="large" />
                <span>{t('prejoin.cameraIsOff')}</span>
              </div>
            )}
            <div className="preview__controls">
              <MicButton
                compact
                muted={audioMuted || noMicrophone}
                disabled={noMicrophone}
                onToggle={() => setAudioMuted(!audioMuted)}
              />
              <CameraButton compact on={cameraShownOn} onToggle={toggleCamera} />
            </div>
          </div>
          <div className="prejoin__meter">
            <Icon name={audioMuted || noMicrophone ? 'micOff' : 'mic'} size={18} />
            <MicLevelMeter level={level} />
          </div>
          {local.videoError !== null && cameraOn && (
            <p className="media-warning" role="alert">
              <Icon name="alert" size={16} />
              {t(`media.camera.${local.videoError}`)}
            </p>
          )}
          {local.audioError !== null && (
            <p className="media-warning" role="alert">
              <Icon name="alert" size={16} />
              {t(`media.microphone.${local.audioError}`)}
            </p>
          )}
        </section>
        <section className="card prejoin__form">
          <h1>{t('prejoin.title')}</h1>
          {summary !== null && (
            <p className="prejoin__about">
              <strong className="prejoin__meeting-title">{summary.title}</strong>
              <span className="prejoin__host">{t('prejoin.hostedBy', { name: summary.hostName })}</span>
            </p>
          )}
          <p className="prejoin__meeting">
            <span>{t('prejoin.meeting', { number: formatMeetingNumber(meetingNumber) })}</span>
            {summary !== null && (
              <span className="prejoin__count">
                {summary.participantCount > 0
                  ? t('prejoin.participantCount', { count: summary.participantCount })
                  : t('prejoin.nobodyYet')}
              </span>
            )}
          </p>
          {lookupError !== null && (
            <p className="form-error" role="alert">
              <Icon name="alert" size={16} />
              {t(errorKey(lookupError))}
            </p>
          )}
          {accountName !== null ? (
            <p className="prejoin__joining-as">{t('prejoin.joiningAs', { name: accountName })}</p>
          ) : (
            !mustSignIn && (
              <>
                <GuestNameField
                  value={displayName}
                  invalid={nameError}
                  onChange={(name) => {
                    edited.current = true;
                    setDisplayName(name);
                    setNameError(false);
                  }}
                />
                <p className="hint prejoin__sign-in">
                  {t('prejoin.haveAccount')}{' '}
                  <AppLink href={accountPagePath('/login', meetingPath(meetingNumber))}>{t('account.signIn')}</AppLink>
                </p>
              </>
            )
          )}
          <DeviceSelect
            label={t('prejoin.camera')}
            icon="camera"
            devices={lists.cameras}
            value={cameraValue}
            onChange={(cameraId) => {
              chooseDevices({ ...devices, cameraId });
              if (cameraOn) ready.current = media.setCamera(true, cameraId);
            }}
          />
          <DeviceSelect
            label={t('prejoin.microphone')}
            icon="mic"
            devices={lists.microphones}
            value={microphoneValue}
            onChange={(microphoneId) => {
              chooseDevices({ ...devices, microphoneId });
              ready.current = media.setMicrophone(microphoneId);
            }}
          />
          <DeviceSelect
            label={t('prejoin.speaker')}
            icon="speaker"
            devices={canChooseSpeaker ? lists.speakers : []}
            value={devices.speakerId}
            allowDefault
            disabled={!canChooseSpeaker}
            hint={canChooseSpeaker ? undefined : t('prejoin.speakerFixed')}
            onChange={(speakerId) => chooseDevices({ ...devices, speakerId })}
          />
          {mustSignIn ? (
            <SignInRequiredPanel meetingNumber={meetingNumber} />
          ) : (
            <BusyButton className="button button--primary button--large" busy={joining} onClick={() => void onJoin()}>
              <Icon name="enter" />
              <span>{t('prejoin.joinMeeting')}</span>
            </BusyButton>
          )}
        </section>
      </main>
    </div>
  );
}
