import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { createMeeting, getMeeting, type Fetch, type MeetingCreateBody } from '../api/meetingsApi';
import { accountPagePath } from '../account/returnPath';
import { useAccount } from '../hooks/useAccount';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import {
  formatMeetingNumber,
  isValidMeetingNumber,
  meetingPath,
  normalizeMeetingNumber,
} from '../meeting/meetingNumber';
import { navigate } from '../navigation';
import { loadDisplayName, saveDisplayName } from '../preferences';
import { AppLink } from './AppLink';
import { ChatWindow } from './ChatWindow';
import { FriendsPanel } from './FriendsPanel';
import { GuestNameField } from './GuestNameField';
import { Icon } from './Icon';
import { LightHeader } from './LightHeader';
import { NewMeetingForm } from './NewMeetingForm';
import { RecentMeetings } from './RecentMeetings';

type Busy = 'idle' | 'creating' | 'checking';

/**
 * StartPage (`/`). Signed in: a new meeting's title and whether guests may join, "New meeting"
 * (creates it with me as host and opens it), and my recent meetings. Signed out: a call to sign
 * in or register (meetings need an account) and my display name as a guest. Signed in, beside
 * it: my friends ({@link FriendsPanel}). Always: "Join"
 * with a meeting number (checked with the server first).
 */
export function StartPage({ fetchFn }: { fetchFn?: Fetch }) {
  const { t } = useTranslation();
  const numberId = useId();
  const errorId = useId();
  const { state, account } = useAccount();
  const accountName = account?.displayName ?? null;
  const [displayName, setDisplayName] = useState(() => accountName ?? loadDisplayName());
  // Typed here: the account's name (which may arrive later) no longer replaces it.
  const edited = useRef(false);
  const [meetingNumber, setMeetingNumber] = useState('');
  const [busy, setBusy] = useState<Busy>('idle');
  // A key, not a text, so that the message follows a language switch.
  const [error, setError] = useState<ErrorKey | 'validation.meetingNumber' | null>(null);

  useEffect(() => {
    if (accountName !== null && !edited.current) setDisplayName(accountName);
  }, [accountName]);

  const onNewMeeting = async (create: MeetingCreateBody) => {
    setError(null);
    setBusy('creating');
    try {
      const created = await createMeeting(create, fetchFn);
      navigate(meetingPath(created.meetingNumber));
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
      setBusy('idle');
    }
  };

  const onJoin = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!isValidMeetingNumber(meetingNumber)) {
      setError('validation.meetingNumber');
      return;
    }
    const number = normalizeMeetingNumber(meetingNumber);
    setBusy('checking');
    try {
      await getMeeting(number, fetchFn);
      navigate(meetingPath(number));
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
      setBusy('idle');
    }
  };

  return (
    <div className="light-page">
      <LightHeader />
      <div className="home">
      <main className="start">
        <section className="start__intro">
          <h1>{t('start.title')}</h1>
          <p>{t('start.subtitle')}</p>
        </section>
        <section className="card start__card">
          {account !== null && (
            <NewMeetingForm
              displayName={account.displayName}
              busy={busy !== 'idle'}
              onCreate={(create) => void onNewMeeting(create)}
            />
          )}
          {state.status === 'signedOut' && (
            <div className="start__sign-in">
              <h2>{t('start.signInTitle')}</h2>
              <p className="hint">{t('start.signInText')}</p>
              <div className="start__sign-in-links">
                <AppLink className="button button--primary" href={accountPagePath('/login', '/')}>
                  {t('start.signInLink')}
                </AppLink>
                <AppLink className="button button--secondary" href={accountPagePath('/register', '/')}>
                  {t('start.registerLink')}
                </AppLink>
              </div>
            </div>
          )}
          {state.status !== 'loading' && (
            <div className="divider" aria-hidden="true">
              <span>{t('start.or')}</span>
            </div>
          )}
          {account === null && (
            <GuestNameField
              value={displayName}
              onChange={(name) => {
                edited.current = true;
                setDisplayName(name);
                saveDisplayName(name);
              }}
            />
          )}
          <form className="start__join" onSubmit={(event) => void onJoin(event)} noValidate>
            <div className="field">
              <label htmlFor={numberId}>{t('start.meetingNumber')}</label>
              <div className="field__row">
                <input
                  id={numberId}
                  className="meeting-number-input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="123 456 789"
                  value={meetingNumber}
                  aria-invalid={error !== null}
                  aria-describedby={error !== null ? errorId : undefined}
                  onChange={(event) => setMeetingNumber(formatMeetingNumber(event.target.value))}
                />
                <button type="submit" className="button button--secondary" disabled={busy !== 'idle'}>
                  <Icon name="enter" />
                  <span>{t('start.join')}</span>
                </button>
              </div>
            </div>
          </form>
          <p className="busy" aria-live="polite">
            {busy === 'creating' ? t('start.creating') : busy === 'checking' ? t('start.checking') : ''}
          </p>
          {error !== null && (
            <p id={errorId} className="form-error" role="alert">
              <Icon name="alert" size={16} />
              {t(error)}
            </p>
          )}
        </section>
        {account !== null && <RecentMeetings fetchFn={fetchFn} />}
      </main>
      {account !== null && <FriendsPanel fetchFn={fetchFn} />}
      {account !== null && <ChatWindow />}
      </div>
    </div>
  );
}
