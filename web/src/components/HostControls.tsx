import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/**
 * HostControls are the host's own controls in the meeting header: "Allow guests" (a checkbox;
 * changing it asks the server) and "End meeting for everyone" (opens the confirm dialog).
 */
export function HostControls(props: {
  allowGuests: boolean;
  /** A change is on its way to the server. */
  busy: boolean;
  onAllowGuests(allow: boolean): void;
  onEndMeeting(): void;
}) {
  const { t } = useTranslation();
  const guestsId = useId();
  return (
    <div className="host-controls">
      <span className="host-controls__toggle">
        <input
          id={guestsId}
          type="checkbox"
          checked={props.allowGuests}
          disabled={props.busy}
          aria-busy={props.busy}
          onChange={(event) => props.onAllowGuests(event.target.checked)}
        />
        <label htmlFor={guestsId}>{t('host.allowGuests')}</label>
      </span>
      <button
        type="button"
        className="button button--danger host-controls__end"
        onClick={props.onEndMeeting}
        disabled={props.busy}
      >
        <Icon name="leave" size={16} />
        <span>{t('host.endMeeting')}</span>
      </button>
    </div>
  );
}
