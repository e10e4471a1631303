import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingChatMessage, ParticipantInfo } from '../protocol/messages';
import { SignalingError } from '../signaling/SignalingError';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Icon } from './Icon';
import { FileBubble } from './FileBubble';
import { AttachFiles } from './AttachFiles';
import { FileTransfers } from './FileTransfers';
import { transfers } from '../files/transfers';
import type { TransferTarget } from '../files/transferStore';

/**
 * MeetingChatPanel ("Chat" in a meeting): what was said, with private messages marked, a
 * choice of "Everyone" or one participant, and a text box (Enter sends). It is a
 * `role="complementary"` region named "Meeting chat".
 */
export function MeetingChatPanel(props: {
  id: string;
  messages: readonly MeetingChatMessage[];
  selfId: string | null;
  others: readonly ParticipantInfo[];
  onSend(text: string, toParticipantId: string | null): Promise<void>;
  /** Sends an uploaded file; absent for a guest, who cannot upload. */
  onSendFile?: (fileId: string, toParticipantId: string | null) => Promise<void>;
  /** Which meeting, to keep its transfers apart. */
  meetingNumber?: string;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const toId = useId();
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<ErrorKey | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  useEffect(() => {
    const el = list.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [props.messages.length]);
  // Someone I wrote to privately left: back to everyone.
  const recipient = props.others.some((o) => o.participantId === to) ? to : '';

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') return;
    const sending = text;
    setText('');
    setError(null);
    try {
      await props.onSend(sending, recipient === '' ? null : recipient);
    } catch (e) {
      setText(sending);
      setError(errorKey(e instanceof SignalingError ? e.code : 'unknown'));
    }
  };
  const onSendFile = props.onSendFile;
  // The recipient chosen when the files were picked is the one they go to.
  // A private file's target names its recipient: continued after a reload, it must not go to
  // everyone (only files for everyone are offered to be continued).
  const meetingKey = `m:${props.meetingNumber ?? ''}`;
  const fileTarget = (toParticipantId: string | null): TransferTarget | null =>
    onSendFile === undefined
      ? null
      : {
          key: toParticipantId === null ? meetingKey : `${meetingKey}:to:${toParticipantId}`,
          deliver: (fileId) => onSendFile(fileId, toParticipantId),
        };
  const sendFiles = (files: File[]) => {
    const target = fileTarget(recipient === '' ? null : recipient);
    if (target !== null) transfers.send(target, files);
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void send(event);
  };

  return (
    <aside id={props.id} className="participants meeting-chat" role="complementary" aria-label={t('meetingChat.title')}>
      <div className="participants__header">
        <h2>{t('meetingChat.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('meetingChat.close')} onClick={props.onClose}>
          <Icon name="close" size={18} />
        </button>
      </div>
      <ol className="meeting-chat__list" ref={list} aria-label={t('meetingChat.messages')}>
        {props.messages.length === 0 && <li className="hint">{t('meetingChat.empty')}</li>}
        {props.messages.map((m) => {
          const mine = m.fromParticipantId === props.selfId;
          const privately = m.toName !== null && m.toName !== undefined;
          return (
            <li key={m.seq} className={`meeting-chat__item${privately ? ' meeting-chat__item--private' : ''}`}>
              <span className="meeting-chat__meta">
                {mine ? t('meetingChat.you') : m.fromName}
                {privately &&
                  ` · ${mine ? t('meetingChat.privatelyTo', { name: m.toName }) : t('meetingChat.privatelyToYou')}`}
                {' · '}
                {time.format(m.createdMs)}
              </span>
              {m.file ? <FileBubble file={m.file} className="meeting-chat__text" /> : <p className="meeting-chat__text">{m.text}</p>}
            </li>
          );
        })}
      </ol>
      {onSendFile !== undefined && <FileTransfers store={transfers} target={fileTarget(null) as TransferTarget} />}
      <form className="meeting-chat__compose" onSubmit={(e) => void send(e)}>
        <label htmlFor={toId}>{t('meetingChat.to')}</label>
        <select id={toId} value={recipient} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('meetingChat.everyone')}</option>
          {props.others.map((o) => (
            <option key={o.participantId} value={o.participantId}>
              {o.displayName}
            </option>
          ))}
        </select>
        <label htmlFor={inputId} className="visually-hidden">
          {t('meetingChat.message')}
        </label>
        <textarea
          id={inputId}
          rows={2}
          maxLength={4000}
          value={text}
          placeholder={t('chat.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        {onSendFile !== undefined && <AttachFiles testId="meeting-attach-files" onFiles={sendFiles} />}
        <button type="submit" className="button button--primary button--small" disabled={text.trim() === ''}>
          {t('chat.send')}
        </button>
        {error !== null && (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {t(error)}
          </p>
        )}
      </form>
    </aside>
  );
}
