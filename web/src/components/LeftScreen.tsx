import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeetingNumber } from '../meeting/meetingNumber';
import { BusyButton } from './BusyButton';
import { Icon } from './Icon';
import { LightHeader } from './LightHeader';

/** LeftScreen is shown after leaving: "You left the meeting", with "Rejoin" and "Home". */
export function LeftScreen(props: {
  meetingNumber: string;
  rejoining: boolean;
  onRejoin(): void;
  onHome(): void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return (
    <div className="light-page">
      <LightHeader />
      <main className="left">
        <section className="card left__card">
          <span className="left__icon">
            <Icon name="leave" size={28} />
          </span>
          <h1>{t('left.title')}</h1>
          <p>{t('left.meeting', { number: formatMeetingNumber(props.meetingNumber) })}</p>
          <div className="left__actions">
            <BusyButton className="button button--primary" busy={props.rejoining} onClick={props.onRejoin}>
              {t('left.rejoin')}
            </BusyButton>
            <button type="button" className="button button--secondary" onClick={props.onHome}>
              {t('left.home')}
            </button>
          </div>
          <p className="busy" aria-live="polite">
            {props.rejoining ? t('left.rejoining') : ''}
          </p>
        </section>
      </main>
    </div>
  );
}
