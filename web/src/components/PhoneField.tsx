import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

/** PhoneField is the optional phone-number input (up to 32 characters) with its hint. */
export function PhoneField(props: {
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
  /** The translated error text, or null. */
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('fields.phone')}
      type="tel"
      inputMode="tel"
      value={props.value}
      onChange={props.onChange}
      autoComplete="tel"
      maxLength={32}
      inputRef={props.inputRef}
      hint={t('register.phoneHint')}
      error={props.error}
    />
  );
}
