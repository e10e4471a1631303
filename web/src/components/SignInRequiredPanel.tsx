import { useTranslation } from 'react-i18next';
import { accountPagePath } from '../account/returnPath';
import { meetingPath } from '../meeting/meetingNumber';
import { AppLink } from './AppLink';
import { Icon } from './Icon';

/**
 * SignInRequiredPanel takes the place of "Join meeting" when a guest may not join: the host does
 * not allow guests. "Sign in" and "Register" come back to this meeting afterwards. It is a
 * `role="status"` element with `data-state="sign-in-required"`.
 */
export function SignInRequiredPanel({ meetingNumber }: { meetingNumber: string }) {
  const { t } = useTranslation();
  const back = meetingPath(meetingNumber);
  return (
    <div className="sign-in-required" role="status" data-state="sign-in-required">
      <p className="sign-in-required__title">
        <Icon name="alert" size={18} />
        <strong>{t('prejoin.signInRequired')}</strong>
      </p>
      <p className="hint">{t('prejoin.signInRequiredText')}</p>
      <div className="sign-in-required__links">
        <AppLink className="button button--primary" href={accountPagePath('/login', back)}>
          {t('account.signIn')}
        </AppLink>
        <AppLink className="button button--secondary" href={accountPagePath('/register', back)}>
          {t('account.register')}
        </AppLink>
      </div>
    </div>
  );
}
