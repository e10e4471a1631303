import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeetingNumber } from '../meeting/meetingNumber';
import { Icon } from './Icon';
import { LightHeader } from './LightHeader';

/**
 * EndedScreen is shown to everyone once the host ended the meeting for everyone: "Meeting ended",
 * who ended it, and a button back to the start page. It is a `role="status"` element with
 * `data-state="ended"`; there is no rejoining.
 */
export function EndedScreen(props: { meetingNumber: string; by: string; onHome(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('ended.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="light-page">
      <LightHeader />
      <main className="left">
        <section className="card left__card" role="status" data-state="ended">
          <span className="left__icon ended__icon">
            <Icon name="leave" size={28} />
          </span>
          <h1>{t('ended.title')}</h1>
          <p>{t('ended.by', { name: props.by })}</p>
          <p>{t('ended.meeting', { number: formatMeetingNumber(props.meetingNumber) })}</p>
          <div className="left__actions">
            <button type="button" className="button button--primary" onClick={props.onHome}>
              {t('ended.home')}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
