import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accountApi';
import { ApiError } from '../api/ApiError';
import { codePoints, fieldOfCode, MOOD_LINE_MAX, type FieldErrorCode } from '../account/accountRules';
import { checkProfile, type ProfileValues } from '../account/formChecks';
import { useAccount } from '../hooks/useAccount';
import { useFieldForm } from '../hooks/useFieldForm';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { FormError } from './FormError';
import { PhoneField } from './PhoneField';
import { ProfileActions } from './ProfileActions';
import { TextField } from './TextField';

type Field = keyof ProfileValues;

const FIELDS: readonly Field[] = ['displayName', 'moodLine', 'phone'];

function valuesOf(account: Account): ProfileValues {
  return { displayName: account.displayName, moodLine: account.moodLine ?? '', phone: account.phone ?? '' };
}

/**
 * ProfileForm edits my display name, mood line (个性签名, with a counter to 80) and phone number,
 * checks them as the server would, saves them with "Save" and shows the server's verdict on
 * each field.
 */
export function ProfileForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { store } = useAccount();
  const [formError, setFormError] = useState<ErrorKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { values, setValues, showErrors, bind } = useFieldForm<ProfileValues, FieldErrorCode>({
    fields: FIELDS,
    initial: () => valuesOf(account),
    describe: (code) => t(errorKey(code)),
    onEdit: () => setSaved(false),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const found = checkProfile(values);
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const updated = await store.updateProfile({
        displayName: values.displayName.trim(),
        moodLine: values.moodLine.trim(),
        phone: values.phone.trim(),
      });
      setValues(valuesOf(updated));
      setSaved(true);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      const field = fieldOfCode(code);
      if (field === 'displayName' || field === 'moodLine' || field === 'phone') {
        showErrors({ [field]: code as FieldErrorCode });
      } else {
        setFormError(errorKey(code));
      }
    } finally {
      setBusy(false);
    }
  };

  const moodLength = codePoints(values.moodLine.trim());

  return (
    <form className="profile__form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label={t('fields.displayName')} autoComplete="name" maxLength={64} required {...bind('displayName')} />
      <TextField
        label={t('fields.moodLine')}
        autoComplete="off"
        placeholder={t('profile.moodPlaceholder')}
        hint={
          <span className={`counter${moodLength > MOOD_LINE_MAX ? ' counter--over' : ''}`}>
            {t('profile.moodCount', { count: moodLength, max: MOOD_LINE_MAX })}
          </span>
        }
        {...bind('moodLine')}
      />
      <PhoneField {...bind('phone')} />
      <FormError message={formError === null ? null : t(formError)} />
      <ProfileActions
        label={t('profile.save')}
        busy={busy}
        busyText={t('profile.saving')}
        doneText={saved ? t('profile.saved') : ''}
      />
    </form>
  );
}
