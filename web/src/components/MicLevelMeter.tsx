import { useTranslation } from 'react-i18next';

/** Bars of the meter. */
const BARS = 16;

/** MicLevelMeter shows a microphone level 0…1 as a row of bars (role="meter", 0–100). */
export function MicLevelMeter({ level }: { level: number }) {
  const { t } = useTranslation();
  const percent = Math.round(Math.min(1, Math.max(0, level)) * 100);
  const lit = Math.round((percent / 100) * BARS);
  return (
    <div
      className="mic-meter"
      role="meter"
      aria-label={t('prejoin.micLevel')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      {Array.from({ length: BARS }, (_, i) => (
        <span key={i} className={`mic-meter__bar${i < lit ? ' mic-meter__bar--lit' : ''}`} />
      ))}
    </div>
  );
}
