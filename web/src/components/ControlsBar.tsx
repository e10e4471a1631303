import { useTranslation } from 'react-i18next';
import { CameraButton } from './CameraButton';
import { ControlButton } from './ControlButton';
import { MicButton } from './MicButton';

/**
 * ControlsBar is the bottom bar of the meeting: Mute/Unmute, Turn camera off/on, Copy link,
 * Participants (opens the panel), Chat (with the count of messages that came while it was
 * closed) and Leave.
 */
export function ControlsBar(props: {
  audioMuted: boolean;
  microphoneAvailable: boolean;
  cameraOn: boolean;
  cameraBusy: boolean;
  linkCopied: boolean;
  participantCount: number;
  panelOpen: boolean;
  panelId: string;
  chatOpen: boolean;
  chatId: string;
  /** Chat messages that came while the chat was closed. */
  chatUnread: number;
  leaving: boolean;
  onToggleMic(): void;
  onToggleCamera(): void;
  onCopyLink(): void;
  onTogglePanel(): void;
  onToggleChat(): void;
  onLeave(): void;
}) {
  const { t } = useTranslation();
  return (
    <footer className="controls" aria-label={t('controls.toolbar')}>
      <div className="controls__group">
        <MicButton
          muted={props.audioMuted}
          disabled={!props.microphoneAvailable}
          onToggle={props.onToggleMic}
        />
        <CameraButton on={props.cameraOn} disabled={props.cameraBusy} onToggle={props.onToggleCamera} />
      </div>
      <div className="controls__group">
        <ControlButton
          icon={props.linkCopied ? 'check' : 'link'}
          label={t('controls.copyLink')}
          onClick={props.onCopyLink}
        />
        <ControlButton
          icon="people"
          label={t('controls.participants')}
          onClick={props.onTogglePanel}
          expanded={props.panelOpen}
          controls={props.panelOpen ? props.panelId : undefined}
          badge={props.participantCount}
        />
        <ControlButton
          icon="chat"
          label={t('controls.chat')}
          onClick={props.onToggleChat}
          expanded={props.chatOpen}
          controls={props.chatOpen ? props.chatId : undefined}
          badge={props.chatUnread > 0 ? props.chatUnread : undefined}
        />
      </div>
      <div className="controls__group">
        <ControlButton
          icon="leave"
          label={t('controls.leave')}
          variant="danger"
          onClick={props.onLeave}
          disabled={props.leaving}
        />
      </div>
    </footer>
  );
}
