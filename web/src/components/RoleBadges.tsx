import { useTranslation } from 'react-i18next';

/**
 * RoleBadges marks a participant who is the meeting's host ("Host") or a guest without an
 * account ("Guest"); nothing for anyone else.
 */
export function RoleBadges({ host, guest }: { host?: boolean; guest?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {host === true && <span className="role-badge role-badge--host">{t('badge.host')}</span>}
      {guest === true && <span className="role-badge role-badge--guest">{t('badge.guest')}</span>}
    </>
  );
}
