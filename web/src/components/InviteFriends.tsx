import { useContext, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { inviteToMeeting } from '../api/meetingsApi';
import { FriendsContext } from '../friends/FriendsContext';
import { isReachable, presenceRank } from '../friends/friendsStore';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Icon } from './Icon';

/**
 * InviteFriends ("Invite friends", in the meeting's participants panel for a signed-in person):
 * my friends who are online, each with "Invite"; the friend gets the invitation with "Join".
 */
export function InviteFriends({ meetingNumber }: { meetingNumber: string }) {
  const { t } = useTranslation();
  const store = useContext(FriendsContext);
  const friends = useSyncExternalStore(store?.subscribe ?? (() => () => undefined), () => store?.state ?? null);
  const [invited, setInvited] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<ErrorKey | null>(null);
  if (friends === null) return null;
  const reachable = friends.list.friends
    .filter((f) => isReachable(f.presence))
    .sort((a, b) => presenceRank(a.presence) - presenceRank(b.presence));

  const invite = async (userId: number) => {
    setError(null);
    try {
      await inviteToMeeting(meetingNumber, userId);
      setInvited(new Set([...invited, userId]));
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    }
  };

  return (
    <section className="invite-friends" aria-label={t('invites.heading')}>
      <h3>{t('invites.heading')}</h3>
      {reachable.length === 0 && <p className="hint">{t('invites.none')}</p>}
      <ul>
        {reachable.map((f) => (
          <li key={f.user.userId}>
            <span>{f.user.displayName}</span>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('invites.invite', { name: f.user.displayName })}
              disabled={invited.has(f.user.userId)}
              onClick={() => void invite(f.user.userId)}
            >
              {invited.has(f.user.userId) ? t('invites.invited') : t('invites.inviteShort')}
            </button>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
    </section>
  );
}
