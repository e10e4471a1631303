import { useTranslation } from 'react-i18next';
import { useTrackLive } from '../hooks/useTrackLive';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { RoleBadges } from './RoleBadges';
import { TrackVideo } from './TrackVideo';

/** What a tile shows of one participant. */
export interface TileModel {
  participantId: string;
  displayName: string;
  audioMuted: boolean;
  /** Whether the participant's camera is on (their `videoMuted` is false). */
  videoOn: boolean;
  track: MediaStreamTrack | null;
  /** My own tile: named "<name> (you)" and mirrored. */
  local: boolean;
  /** The meeting's host: a "Host" badge. */
  host?: boolean;
  /** A guest without an account: a "Guest" badge. */
  guest?: boolean;
  /** Their account's avatar, shown instead of initials while their video is off; null without one. */
  avatarUrl?: string | null;
}

/**
 * VideoTile is one participant's 16:9 tile: their video while it is live, otherwise their
 * avatar (or initials); their name, "Host" or "Guest" badges and a muted-microphone mark. It is a `role="group"` named after the
 * participant, so tests and screen readers find it by name.
 */
export function VideoTile({ tile, width, height }: { tile: TileModel; width: number; height: number }) {
  const { t } = useTranslation();
  const live = useTrackLive(tile.track);
  const showVideo = tile.videoOn && live;
  const name = tile.local ? t('tile.you', { name: tile.displayName }) : tile.displayName;
  return (
    <div
      className="tile"
      role="group"
      aria-label={name}
      data-participant-id={tile.participantId}
      data-local={tile.local ? 'true' : undefined}
      data-video={showVideo ? 'on' : 'off'}
      data-audio={tile.audioMuted ? 'muted' : 'on'}
      style={width > 0 ? { width, height } : undefined}
    >
      <TrackVideo
        track={tile.track}
        visible={showVideo}
        mirrored={tile.local}
        participantId={tile.participantId}
        className="tile__video"
      />
      {!showVideo && (
        <div className="tile__off">
          <Avatar name={tile.displayName} size="large" url={tile.avatarUrl} />
        </div>
      )}
      <div className="tile__name">
        {tile.audioMuted && (
          <span className="tile__muted" role="img" aria-label={t('tile.micMuted')}>
            <Icon name="micOff" size={14} />
          </span>
        )}
        <span className="tile__label">{name}</span>
        <RoleBadges host={tile.host} guest={tile.guest} />
      </div>
    </div>
  );
}
