import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { isForcedSignOut } from '../account/accountStore';
import { accountPagePath } from '../account/returnPath';
import { useAccount } from '../hooks/useAccount';
import { useAuthPage } from '../hooks/useAuthPage';
import { useCountdown } from '../hooks/useCountdown';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { AppLink } from './AppLink';
import { AuthSubmit } from './AuthSubmit';
import { FormError } from './FormError';
import { Icon } from './Icon';
import { LightHeader } from './LightHeader';
import { TextField } from './TextField';

/** How long to wait after a 429 without a Retry-After header, in seconds. */
const DEFAULT_RETRY_SECONDS = 30;

type Field = 'username' | 'password';

/**
 * SignInPage (`/login`): username, password and "Remember me". Signed in, it goes back where
 * the person came from (`?next=`), else home. It explains a forced sign-out ("this account signed
 * in elsewhere"), and after too many attempts counts down until the next one is allowed.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, store } = useAccount();
  const titleId = useId();
  const rememberId = useId();
  const rememberHintId = useId();
  const next = useAuthPage('signIn.title');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, ErrorKey>>>({});
  const [formError, setFormError] = useState<ErrorKey | null>(null);
  const [busy, setBusy] = useState(false);
  const countdown = useCountdown();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, ErrorKey>> = {};
    if (username.trim() === '') found.username = 'errors.field_required';
    if (password === '') found.password = 'errors.field_required';
    setErrors(found);
    if (found.username) usernameRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
    if (found.username || found.password) return;
    setBusy(true);
    try {
      await store.signIn({ username: username.trim(), password, rememberMe: remember });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      if (code === 'too_many_attempts') {
        countdown.start((e as ApiError).retryAfterSeconds ?? DEFAULT_RETRY_SECONDS);
      } else {
        setFormError(errorKey(code));
      }
      if (code === 'invalid_credentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
      setBusy(false);
    }
  };

  const forced = state.status === 'signedOut' && isForcedSignOut(state.cause) ? state.cause : null;
  const waiting = countdown.seconds > 0;

  return (
    <div className="light-page">
      <LightHeader account={false} />
      <main className="auth">
        <section className="card auth__card" aria-labelledby={titleId}>
          <h1 id={titleId}>{t('signIn.title')}</h1>
          <p className="auth__subtitle">{t('signIn.subtitle')}</p>
          {forced !== null && (
            <p className="form-notice" role="alert">
              <Icon name="alert" size={16} />
              {t(`signedOut.${forced}`)}
            </p>
          )}
          <form className="auth__form" onSubmit={(event) => void onSubmit(event)} noValidate>
            <TextField
              label={t('fields.username')}
              value={username}
              onChange={(value) => {
                setUsername(value);
                setErrors((e) => ({ ...e, username: undefined }));
              }}
              autoComplete="username"
              required
              inputRef={usernameRef}
              error={errors.username ? t(errors.username) : null}
            />
            <TextField
              label={t('fields.password')}
              type="password"
              value={password}
              onChange={(value) => {
                setPassword(value);
                setErrors((e) => ({ ...e, password: undefined }));
              }}
              autoComplete="current-password"
              required
              inputRef={passwordRef}
              error={errors.password ? t(errors.password) : null}
            />
            <div className="checkbox">
              <input
                id={rememberId}
                type="checkbox"
                checked={remember}
                aria-describedby={rememberHintId}
                onChange={(event) => setRemember(event.target.checked)}
              />
              <label htmlFor={rememberId}>{t('fields.rememberMe')}</label>
              <span id={rememberHintId} className="hint checkbox__hint">
                {t('signIn.rememberHint')}
              </span>
            </div>
            <FormError
              message={
                waiting
                  ? t('signIn.tooManyAttempts', { seconds: countdown.seconds })
                  : formError === null
                    ? null
                    : t(formError)
              }
            />
            <AuthSubmit
              label={t('signIn.submit')}
              busy={busy}
              busyText={t('signIn.busy')}
              disabled={busy || waiting}
            />
          </form>
          <p className="auth__switch">
            {t('signIn.noAccount')}{' '}
            <AppLink href={accountPagePath('/register', next)}>{t('signIn.register')}</AppLink>
          </p>
        </section>
      </main>
    </div>
  );
}
