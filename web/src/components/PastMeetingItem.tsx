import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { meetingChat, type Fetch, type PastMeeting } from '../api/meetingsApi';
import { errorKey } from '../i18n/errorKey';
import type { MeetingChatMessage } from '../protocol/messages';
import { durationParts } from '../meeting/meetingDuration';
import { formatMeetingNumber, meetingPath } from '../meeting/meetingNumber';
import { AppLink } from './AppLink';

/**
 * PastMeetingItem is one meeting of "Recent meetings": its number and title, when it started
 * and how long it lasted (or "In progress" with a "Join" link while it is live), its host, and
 * who took part (names, and "+N guests"); "Chat" shows what was said in its chat.
 */
export function PastMeetingItem({ meeting, fetchFn }: { meeting: PastMeeting; fetchFn?: Fetch }) {
  const { t, i18n } = useTranslation();
  const [chat, setChat] = useState<MeetingChatMessage[] | string | null>(null);
  const toggleChat = () => {
    if (chat !== null) {
      setChat(null);
      return;
    }
    meetingChat(meeting.meetingId, fetchFn).then(setChat, (e: unknown) =>
      setChat(t(errorKey(e instanceof ApiError ? e.code : 'unknown'))),
    );
  };
  // The server sends null while the meeting is live.
  const endedAtMs = meeting.endedAtMs as number | null;
  const started = new Date(meeting.startedAtMs);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(started);
  const names = meeting.participants ?? [];
  return (
    <li className="history__item" data-meeting-number={meeting.meetingNumber}>
      <div className="history__main">
        <span className="history__title">{meeting.title}</span>
        <span className="history__number">{formatMeetingNumber(meeting.meetingNumber)}</span>
      </div>
      <div className="history__meta">
        <time dateTime={started.toISOString()}>{when}</time>
        {endedAtMs === null ? (
          <>
            <span className="history__live">{t('history.inProgress')}</span>
            <AppLink className="button button--secondary history__join" href={meetingPath(meeting.meetingNumber)}>
              {t('history.join')}
            </AppLink>
          </>
        ) : (
          <span className="history__duration">{duration(t, endedAtMs - meeting.startedAtMs)}</span>
        )}
      </div>
      <div className="history__people">
        <span>{t('history.host', { name: meeting.hostName })}</span>
        {names.length > 0 && <span>{t('history.who', { names: names.join(', ') })}</span>}
        {meeting.guests > 0 && <span>{t('history.guests', { count: meeting.guests })}</span>}
        <button type="button" className="link-button" aria-expanded={chat !== null} onClick={toggleChat}>
          {t('meetingChat.transcript')}
        </button>
      </div>
      {typeof chat === 'string' && <p className="form-error">{chat}</p>}
      {Array.isArray(chat) && (
        <ol className="history__chat" aria-label={t('meetingChat.transcript')}>
          {chat.length === 0 && <li className="hint">{t('meetingChat.transcriptEmpty')}</li>}
          {chat.map((m) => (
            <li key={m.seq}>
              <strong>{m.fromName}</strong>
              {m.toName ? ` → ${m.toName}` : ''}: {m.text}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function duration(t: ReturnType<typeof useTranslation>['t'], ms: number): string {
  const parts = durationParts(ms);
  switch (parts.unit) {
    case 'lessThanMinute':
      return t('history.lessThanMinute');
    case 'minutes':
      return t('history.minutes', { minutes: parts.minutes });
    case 'hours':
      return t('history.hours', { hours: parts.hours, minutes: parts.minutes });
  }
}
