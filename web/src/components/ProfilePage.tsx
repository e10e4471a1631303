import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { accountPagePath } from '../account/returnPath';
import { useAccount } from '../hooks/useAccount';
import { navigate } from '../navigation';
import { AvatarUploader } from './AvatarUploader';
import { LightHeader } from './LightHeader';
import { PasswordChangeForm } from './PasswordChangeForm';
import { ProfileForm } from './ProfileForm';

/**
 * ProfilePage (`/profile`): my avatar, my details (display name, mood line, phone) and my
 * password. Signed out, it goes to the sign-in page (which comes back here), or home after I
 * signed out myself.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const { state } = useAccount();
  const avatarId = useId();
  const detailsId = useId();
  const passwordId = useId();

  useEffect(() => {
    document.title = `${t('profile.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (state.status !== 'signedOut') return;
    navigate(state.cause === 'user' ? '/' : accountPagePath('/login', '/profile'), { replace: true });
  }, [state]);

  return (
    <div className="light-page">
      <LightHeader />
      {state.status === 'signedIn' ? (
        <main className="profile">
          <div className="profile__intro">
            <h1>{t('profile.title')}</h1>
            <p>{t('profile.signedInAs', { username: state.account.username })}</p>
          </div>
          <section className="card profile__card" aria-labelledby={avatarId}>
            <h2 id={avatarId}>{t('profile.avatar')}</h2>
            <AvatarUploader account={state.account} />
          </section>
          <section className="card profile__card" aria-labelledby={detailsId}>
            <h2 id={detailsId}>{t('profile.details')}</h2>
            <ProfileForm key={state.account.userId} account={state.account} />
          </section>
          <section className="card profile__card" aria-labelledby={passwordId}>
            <h2 id={passwordId}>{t('profile.password')}</h2>
            <PasswordChangeForm username={state.account.username} />
          </section>
        </main>
      ) : (
        <main className="profile">
          <p className="busy" aria-live="polite">
            {state.status === 'loading' ? t('account.loading') : ''}
          </p>
        </main>
      )}
    </div>
  );
}
