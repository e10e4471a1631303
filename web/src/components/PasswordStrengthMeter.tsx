import { useTranslation } from 'react-i18next';
import { passwordStrength, STRENGTHS } from '../account/passwordStrength';

/**
 * PasswordStrengthMeter shows how hard a new password looks to guess (a meter of four segments
 * and a word), with the rules under it; nothing of the meter before anything is typed.
 */
export function PasswordStrengthMeter({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const strength = passwordStrength(password, username);
  const level = STRENGTHS.indexOf(strength);
  return (
    <>
      {password !== '' && (
        <span className="strength" data-strength={strength}>
          <span
            className="strength__bars"
            role="meter"
            aria-label={t('strength.label')}
            aria-valuemin={0}
            aria-valuemax={STRENGTHS.length - 1}
            aria-valuenow={level}
            aria-valuetext={t(`strength.${strength}`)}
          >
            {STRENGTHS.slice(1).map((s, i) => (
              <span key={s} className={`strength__bar${i < level ? ' strength__bar--lit' : ''}`} />
            ))}
          </span>
          <span className="strength__text">{t('strength.value', { strength: t(`strength.${strength}`) })}</span>
        </span>
      )}
      <span className="strength__rules">{t('register.passwordRules')}</span>
    </>
  );
}
