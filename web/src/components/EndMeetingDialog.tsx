import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorKey } from '../i18n/errorKey';
import { BusyButton } from './BusyButton';
import { Icon } from './Icon';

/**
 * EndMeetingDialog asks the host to confirm ending the meeting for everyone: a modal
 * `role="dialog"` with "End meeting" (confirms) and "Cancel"; Escape cancels too. The focus
 * starts on "Cancel", so that Enter does not end a meeting by accident.
 */
export function EndMeetingDialog(props: {
  busy: boolean;
  /** Why the last attempt failed, or null. */
  error: ErrorKey | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const { onCancel } = props;

  useEffect(() => {
    cancel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog card" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>{t('host.confirmTitle')}</h2>
        <p id={textId}>{t('host.confirmText')}</p>
        {props.error !== null && (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {t(props.error)}
          </p>
        )}
        <p className="busy" aria-live="polite">
          {props.busy ? t('host.ending') : ''}
        </p>
        <div className="dialog__actions">
          <button ref={cancel} type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('host.cancel')}
          </button>
          <BusyButton className="button button--danger" busy={props.busy} onClick={props.onConfirm}>
            {t('host.confirm')}
          </BusyButton>
        </div>
      </div>
    </div>
  );
}
