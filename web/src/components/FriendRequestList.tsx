import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { answerFriendRequest, cancelFriendRequest, type FriendRequests } from '../api/friendsApi';
import type { Fetch } from '../api/request';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Avatar } from './Avatar';
import { Icon } from './Icon';

/**
 * FriendRequestList ("Friend requests"): requests to me, each with its note and Accept and
 * Decline, and mine waiting for an answer, with Withdraw. Nothing when there are none.
 */
export function FriendRequestList({
  requests,
  fetchFn,
  onChanged,
}: {
  requests: FriendRequests;
  fetchFn?: Fetch;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  if (requests.incoming.length === 0 && requests.outgoing.length === 0) return null;

  const act = async (requestId: number, action: () => Promise<void>) => {
    setBusy(requestId);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  return (
    <section className="friend-requests" aria-label={t('friends.requests')}>
      <h3>
        {t('friends.requests')}
        {requests.incoming.length > 0 && <span className="badge">{requests.incoming.length}</span>}
      </h3>
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
      <ul className="friend-list">
        {requests.incoming.map((r) => (
          <li key={r.requestId} className="friend-row friend-row--request">
            <Avatar name={r.from.displayName} size="small" url={r.from.avatarUrl} />
            <div className="friend-row__who">
              <span className="friend-row__name">{r.from.displayName}</span>
              <span className="friend-row__sub">{r.note ?? t('friends.incoming')}</span>
            </div>
            <div className="friend-row__buttons">
              <button
                type="button"
                className="button button--primary button--small"
                aria-label={t('friends.acceptFrom', { name: r.from.displayName })}
                disabled={busy === r.requestId}
                onClick={() => void act(r.requestId, () => answerFriendRequest(r.requestId, true, fetchFn))}
              >
                {t('friends.accept')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('friends.declineFrom', { name: r.from.displayName })}
                disabled={busy === r.requestId}
                onClick={() => void act(r.requestId, () => answerFriendRequest(r.requestId, false, fetchFn))}
              >
                {t('friends.decline')}
              </button>
            </div>
          </li>
        ))}
        {requests.outgoing.map((r) => (
          <li key={r.requestId} className="friend-row friend-row--request">
            <Avatar name={r.to.displayName} size="small" url={r.to.avatarUrl} />
            <div className="friend-row__who">
              <span className="friend-row__name">{r.to.displayName}</span>
              <span className="friend-row__sub">{t('friends.outgoing')}</span>
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('friends.withdrawTo', { name: r.to.displayName })}
              disabled={busy === r.requestId}
              onClick={() => void act(r.requestId, () => cancelFriendRequest(r.requestId, fetchFn))}
            >
              {t('friends.withdraw')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
