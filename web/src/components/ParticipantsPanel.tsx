import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { RoleBadges } from './RoleBadges';

/** One row of the participants panel. */
export interface ParticipantRow {
  participantId: string;
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
  local: boolean;
  host?: boolean;
  guest?: boolean;
  avatarUrl?: string | null;
}

/**
 * ParticipantsPanel lists everyone in the meeting (me first) with their avatar, "Host" or
 * "Guest" badges, and their microphone and camera state. It is a `role="complementary"` region
 * named "Participants".
 */
export function ParticipantsPanel(props: {
  id: string;
  rows: readonly ParticipantRow[];
  onClose(): void;
  /** Shown under the list (inviting friends). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <aside id={props.id} className="participants" role="complementary" aria-label={t('participants.title')}>
      <div className="participants__header">
        <h2>{t('participants.heading', { count: props.rows.length })}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('participants.close')}
          title={t('participants.close')}
          onClick={props.onClose}
        >
          <Icon name="close" size={18} />
        </button>
      </div>
      <ul className="participants__list">
        {props.rows.map((row) => (
          <li
            key={row.local ? 'local' : row.participantId}
            className="participants__row"
            data-participant-id={row.participantId}
          >
            <Avatar name={row.displayName} size="small" url={row.avatarUrl} />
            <span className="participants__name">
              {row.displayName}
              {row.local && <span className="participants__you"> {t('participants.you')}</span>}
              <RoleBadges host={row.host} guest={row.guest} />
            </span>
            <span
              className={`participants__state${row.audioMuted ? ' participants__state--off' : ''}`}
              role="img"
              aria-label={row.audioMuted ? t('participants.micOff') : t('participants.micOn')}
            >
              <Icon name={row.audioMuted ? 'micOff' : 'mic'} size={18} />
            </span>
            <span
              className={`participants__state${row.videoMuted ? ' participants__state--off' : ''}`}
              role="img"
              aria-label={row.videoMuted ? t('participants.cameraOff') : t('participants.cameraOn')}
            >
              <Icon name={row.videoMuted ? 'cameraOff' : 'camera'} size={18} />
            </span>
          </li>
        ))}
      </ul>
      {props.children}
    </aside>
  );
}
