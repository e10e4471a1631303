import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingCreateBody } from '../api/meetingsApi';
import { Icon } from './Icon';

/** The longest meeting title the server takes, in characters. */
export const MAX_TITLE_LENGTH = 100;

/**
 * NewMeetingForm (signed in, on the start page): the meeting title (empty gives the default
 * title in my language, shown as the placeholder), "Allow guests to join by link", and "New meeting", which
 * hands the choices to `onCreate`.
 */
export function NewMeetingForm(props: {
  /** My display name, for the default title "<name>'s meeting". */
  displayName: string;
  busy: boolean;
  onCreate(create: MeetingCreateBody): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const guestsId = useId();
  const guestsHintId = useId();
  const [title, setTitle] = useState('');
  const [allowGuests, setAllowGuests] = useState(false);
  return (
    <form
      className="start__new"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // An empty title is the default in my language, so others see it as I do.
        const defaultTitle = t('start.defaultTitle', { name: props.displayName });
        props.onCreate({ title: title.trim() === '' ? defaultTitle : title.trim(), allowGuests });
      }}
    >
      <div className="field">
        <label htmlFor={titleId}>{t('start.meetingTitle')}</label>
        <input
          id={titleId}
          type="text"
          autoComplete="off"
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t('start.defaultTitle', { name: props.displayName })}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="checkbox">
        <input
          id={guestsId}
          type="checkbox"
          checked={allowGuests}
          aria-describedby={guestsHintId}
          onChange={(event) => setAllowGuests(event.target.checked)}
        />
        <label htmlFor={guestsId}>{t('start.allowGuests')}</label>
        <span id={guestsHintId} className="hint checkbox__hint">
          {t('start.allowGuestsHint')}
        </span>
      </div>
      <button type="submit" className="button button--primary button--large" disabled={props.busy}>
        <Icon name="plus" />
        <span>{t('start.newMeeting')}</span>
      </button>
      <p className="hint">{t('start.newMeetingHint')}</p>
    </form>
  );
}
