import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errorKey';
import type { ConnectionState } from '../meeting/meetingState';

/**
 * ConnectionStatus shows the state of my connection to the meeting: connecting, connected,
 * reconnecting, or failed with the reason. It is the page's `role="status"` element, with the
 * state in `data-state`.
 */
export function ConnectionStatus({ state, reason }: { state: ConnectionState; reason: string | null }) {
  const { t } = useTranslation();
  const text =
    state === 'failed' ? t('connection.failed', { reason: t(errorKey(reason)) }) : t(`connection.${state}`);
  return (
    <div className={`connection connection--${state}`} role="status" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </div>
  );
}
