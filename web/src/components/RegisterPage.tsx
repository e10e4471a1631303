import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { fieldOfCode, type FieldErrorCode } from '../account/accountRules';
import { checkRegistration, type RegistrationValues } from '../account/formChecks';
import { accountPagePath } from '../account/returnPath';
import { useAccount } from '../hooks/useAccount';
import { useAuthPage } from '../hooks/useAuthPage';
import { useFieldForm } from '../hooks/useFieldForm';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { loadDisplayName } from '../preferences';
import { AppLink } from './AppLink';
import { AuthSubmit } from './AuthSubmit';
import { FormError } from './FormError';
import { LightHeader } from './LightHeader';
import { NewPasswordFields } from './NewPasswordFields';
import { PhoneField } from './PhoneField';
import { TextField } from './TextField';

type Field = keyof RegistrationValues;

const FIELDS: readonly Field[] = ['username', 'password', 'confirmPassword', 'displayName', 'phone'];

/**
 * RegisterPage (`/register`): username (with its rules), password (with a strength hint and the
 * rules), password again, display name and an optional phone number. Every rule is checked here
 * first and the server's verdict is shown on its field; once registered (and so signed in) it
 * goes back where the person came from (`?next=`), else home.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const { store } = useAccount();
  const titleId = useId();
  const next = useAuthPage('register.title');
  const { values, showErrors, bind } = useFieldForm<RegistrationValues, FieldErrorCode>({
    fields: FIELDS,
    initial: () => ({
      username: '',
      password: '',
      confirmPassword: '',
      displayName: loadDisplayName(),
      phone: '',
    }),
    describe: (code) => t(errorKey(code)),
  });
  const [formError, setFormError] = useState<ErrorKey | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = checkRegistration(values);
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await store.register({
        username: values.username,
        password: values.password,
        displayName: values.displayName.trim(),
        phone: values.phone.trim(),
      });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      const field = fieldOfCode(code);
      if (field !== null && field !== 'moodLine' && field !== 'avatar') {
        showErrors({ [field]: code as FieldErrorCode });
      } else {
        setFormError(errorKey(code));
      }
      setBusy(false);
    }
  };

  return (
    <div className="light-page">
      <LightHeader account={false} />
      <main className="auth">
        <section className="card auth__card" aria-labelledby={titleId}>
          <h1 id={titleId}>{t('register.title')}</h1>
          <p className="auth__subtitle">{t('register.subtitle')}</p>
          <form className="auth__form" onSubmit={(event) => void onSubmit(event)} noValidate>
            <TextField
              label={t('fields.username')}
              autoComplete="username"
              maxLength={32}
              required
              hint={t('register.usernameRules')}
              {...bind('username')}
            />
            <NewPasswordFields
              label={t('fields.password')}
              username={values.username}
              password={bind('password')}
              confirm={bind('confirmPassword')}
            />
            <TextField
              label={t('fields.displayName')}
              autoComplete="name"
              maxLength={64}
              required
              placeholder={t('start.displayNamePlaceholder')}
              hint={t('register.displayNameHint')}
              {...bind('displayName')}
            />
            <PhoneField {...bind('phone')} />
            <FormError message={formError === null ? null : t(formError)} />
            <AuthSubmit label={t('register.submit')} busy={busy} busyText={t('register.busy')} />
          </form>
          <p className="auth__switch">
            {t('register.haveAccount')}{' '}
            <AppLink href={accountPagePath('/login', next)}>{t('register.signIn')}</AppLink>
          </p>
        </section>
      </main>
    </div>
  );
}
