import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { fieldOfCode } from '../account/accountRules';
import { checkPasswordChange, type PasswordChangeValues } from '../account/formChecks';
import { useAccount } from '../hooks/useAccount';
import { useFieldForm } from '../hooks/useFieldForm';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { FormError } from './FormError';
import { PasswordField } from './PasswordField';
import { NewPasswordFields } from './NewPasswordFields';
import { ProfileActions } from './ProfileActions';

type Field = keyof PasswordChangeValues;
type ErrorText = ErrorKey | 'profile.wrongPassword';

const FIELDS: readonly Field[] = ['oldPassword', 'newPassword', 'confirmPassword'];
const EMPTY: PasswordChangeValues = { oldPassword: '', newPassword: '', confirmPassword: '' };

/**
 * PasswordChangeForm changes my password: the current one, the new one (with the strength hint
 * and the rules) and the new one again. On success it says that my other devices were signed
 * out (the server ends every other session of the account).
 */
export function PasswordChangeForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const { store } = useAccount();
  const [formError, setFormError] = useState<ErrorKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const { values, setValues, showErrors, bind } = useFieldForm<PasswordChangeValues, ErrorText>({
    fields: FIELDS,
    initial: EMPTY,
    describe: (key) => t(key),
    onEdit: () => setChanged(false),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setChanged(false);
    const found = checkPasswordChange(values, username);
    const keys: Partial<Record<Field, ErrorText>> = {};
    for (const field of FIELDS) {
      const code = found[field];
      if (code) keys[field] = errorKey(code);
    }
    showErrors(keys);
    if (Object.keys(keys).length > 0) return;
    setBusy(true);
    try {
      await store.changePassword({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      setValues(EMPTY);
      setChanged(true);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      if (code === 'invalid_credentials') {
        setValues((v) => ({ ...v, oldPassword: '' }));
        showErrors({ oldPassword: 'profile.wrongPassword' });
      } else if (fieldOfCode(code) === 'password') {
        showErrors({ newPassword: errorKey(code) });
      } else {
        setFormError(errorKey(code));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="profile__form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <PasswordField label={t('fields.currentPassword')} autoComplete="current-password" {...bind('oldPassword')} />
      <NewPasswordFields
        label={t('fields.newPassword')}
        username={username}
        password={bind('newPassword')}
        confirm={bind('confirmPassword')}
      />
      <FormError message={formError === null ? null : t(formError)} />
      <ProfileActions
        label={t('profile.changePassword')}
        busy={busy}
        busyText={t('profile.changingPassword')}
        doneText={changed ? t('profile.passwordChanged') : ''}
      />
    </form>
  );
}
