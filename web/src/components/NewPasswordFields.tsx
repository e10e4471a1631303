import { useTranslation } from 'react-i18next';
import type { FieldBinding } from '../hooks/useFieldForm';
import { PasswordField } from './PasswordField';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

/**
 * NewPasswordFields asks for a new password (with the strength meter, judged against
 * `username`) and then for the same password again.
 */
export function NewPasswordFields(props: {
  /** The translated label of the first field. */
  label: string;
  username: string;
  password: FieldBinding;
  confirm: FieldBinding;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={props.label}
        autoComplete="new-password"
        hint={<PasswordStrengthMeter password={props.password.value} username={props.username} />}
        {...props.password}
      />
      <PasswordField label={t('fields.confirmPassword')} autoComplete="new-password" {...props.confirm} />
    </>
  );
}
