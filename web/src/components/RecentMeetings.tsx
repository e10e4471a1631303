import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { meetingHistory, type Fetch, type PastMeeting } from '../api/meetingsApi';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Icon } from './Icon';
import { PastMeetingItem } from './PastMeetingItem';

type History =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ErrorKey }
  | { kind: 'loaded'; meetings: PastMeeting[] };

/**
 * RecentMeetings ("Recent meetings", for a signed-in person) lists the meetings I hosted or
 * joined, newest first, as a list named "Recent meetings"; it says so while loading, when there
 * are none, and when they could not be loaded (with "Try again").
 */
export function RecentMeetings({ fetchFn }: { fetchFn?: Fetch }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [history, setHistory] = useState<History>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    meetingHistory(undefined, fetchFn).then(
      (meetings) => !cancelled && setHistory({ kind: 'loaded', meetings }),
      (error: unknown) =>
        !cancelled && setHistory({ kind: 'failed', error: errorKey(error instanceof ApiError ? error.code : 'unknown') }),
    );
    return () => {
      cancelled = true;
    };
  }, [fetchFn, attempt]);

  const retry = useCallback(() => {
    setHistory({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return (
    <section className="card history" aria-labelledby={headingId} aria-busy={history.kind === 'loading'}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {history.kind === 'loading' && <p className="hint">{t('history.loading')}</p>}
      {history.kind === 'failed' && (
        <div className="history__failed">
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {t('history.failed')} {t(history.error)}
          </p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('history.retry')}
          </button>
        </div>
      )}
      {history.kind === 'loaded' && history.meetings.length === 0 && <p className="hint">{t('history.empty')}</p>}
      {history.kind === 'loaded' && history.meetings.length > 0 && (
        <ul className="history__list" aria-label={t('history.title')}>
          {history.meetings.map((meeting) => (
            <PastMeetingItem key={meeting.meetingId} meeting={meeting} fetchFn={fetchFn} />
          ))}
        </ul>
      )}
    </section>
  );
}
