import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * GuestNameField is the "Display name" input of someone who joins as a guest (on the start page
 * and before joining). With `invalid`, the input is marked invalid and described by an alert
 * that asks for a name.
 */
export function GuestNameField(props: {
  value: string;
  onChange(value: string): void;
  /** The name was refused (empty); leave out where it is never checked. */
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const invalid = props.invalid;
  return (
    <div className="field">
      <label htmlFor={id}>{t('start.displayName')}</label>
      <input
        id={id}
        type="text"
        autoComplete="name"
        maxLength={64}
        placeholder={t('start.displayNamePlaceholder')}
        value={props.value}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {invalid && (
        <p id={errorId} className="form-error" role="alert">
          {t('validation.displayName')}
        </p>
      )}
    </div>
  );
}
