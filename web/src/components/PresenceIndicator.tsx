import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceContext } from '../presence/PresenceContext';

/**
 * PresenceIndicator shows my own presence in the header: a coloured dot and its word (Online,
 * In a meeting, Away, Offline, or Reconnecting… while the app connection is down), with the
 * value in `data-presence` and an accessible name such as "Presence: Online". Nothing without
 * an app connection (nobody signed in).
 */
export function PresenceIndicator() {
  const { t } = useTranslation();
  const presence = useContext(PresenceContext);
  if (presence === null) return null;
  const text = t(`presence.${presence}`);
  return (
    <span
      className={`presence presence--${presence}`}
      role="img"
      aria-label={t('presence.label', { state: text })}
      data-presence={presence}
    >
      <span className="presence__dot" aria-hidden="true" />
      <span className="presence__text" aria-hidden="true">
        {text}
      </span>
    </span>
  );
}
