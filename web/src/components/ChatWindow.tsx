import { useContext, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CallContext } from '../call/CallContext';
import { ChatContext } from '../chat/ChatContext';
import type { ChatStore, ShownMessage } from '../chat/chatStore';
import { GROUP_EVENTS } from '../api/chatApi';
import { GroupMembers } from './GroupMembers';
import { FriendsContext } from '../friends/FriendsContext';
import { errorKey } from '../i18n/errorKey';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { FileTransfers } from './FileTransfers';
import { transfers } from '../files/transfers';
import { conversationTarget } from '../files/transferStore';
import { fileOf } from '../api/filesApi';
import { FileBubble } from './FileBubble';
import { AttachFiles } from './AttachFiles';

/** The emoji offered by the picker (the text box takes any other). */
export const EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😅', '😭', '😡', '👍', '👏', '🙏', '💪', '🎉', '❤️', '🔥', '✅', '👋', '🌹', '☕', '🍉'];

/**
 * ChatWindow: the open conversation with a friend, docked at the bottom right. Their name and
 * presence; the messages, oldest at the top, "Load earlier" for older pages, mine on the right
 * with Sending / Sent / Delivered / Read, a failed one with "Retry"; "typing…" while they type;
 * a search over the history; a text box (Enter sends, Shift+Enter a new line) with an emoji
 * picker and the count of characters left near the limit. Nothing while no chat is open.
 */
export function ChatWindow({ maxChars = 4000 }: { maxChars?: number }) {
  const chat = useContext(ChatContext);
  if (chat === null) return null;
  return <ChatWindowOf chat={chat} maxChars={maxChars} />;
}

function ChatWindowOf({ chat, maxChars }: { chat: ChatStore; maxChars: number }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const inputId = useId();
  const state = useSyncExternalStore(chat.subscribe, () => chat.state);
  const friendsStore = useContext(FriendsContext);
  const calls = useContext(CallContext);
  const friends = useSyncExternalStore(
    friendsStore?.subscribe ?? (() => () => undefined),
    () => friendsStore?.state ?? null,
  );
  const [text, setText] = useState('');
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [managing, setManaging] = useState(false);
  const [dragging, setDragging] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const open = state.open;

  // Re-render while "typing…" shows, so that it goes away on time.
  useEffect(() => {
    if (open === null || open.typingUntil <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), open.typingUntil - Date.now() + 10);
    return () => clearTimeout(timer);
  }, [open?.typingUntil, open]);

  // Read what arrives while the page comes back into view.
  useEffect(() => {
    const onVisible = () => chat.markSeen();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [chat]);

  // Stay at the bottom as messages come, unless scrolled up to read older ones.
  useLayoutEffect(() => {
    const el = list.current;
    if (el !== null && stick.current) el.scrollTop = el.scrollHeight;
  }, [open?.messages.length]);

  if (open === null) return null;
  const group = open.conversation.kind === 'group';
  const members = open.conversation.members;
  const me = members.find((m) => m.relation === 'self')?.userId ?? 0;
  const peer = members.find((m) => m.relation !== 'self') ?? members[0];
  if (peer === undefined) return null;
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const presence = friends?.list.friends.find((f) => f.user.userId === peer.userId)?.presence ?? 'offline';
  const typing = open.typingUntil > now;
  const chars = [...text].length;
  const lowered = query.trim().toLowerCase();
  const shown = lowered === '' ? open.messages : open.messages.filter((m) => m.body.toLowerCase().includes(lowered));
  const lastMine = [...open.messages].reverse().find((m) => m.senderId === me && (m.kind === 'text' || m.kind === 'file') && m.status === 'sent');
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });

  const onSend = (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '' || chars > maxChars) return;
    stick.current = true;
    void chat.send(text);
    setText('');
    setEmojiOpen(false);
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) onSend(event);
  };

  const target = conversationTarget(open.conversation.conversationId);
  const sendFiles = (files: File[]) => {
    if (files.length === 0) return;
    stick.current = true;
    transfers.send(target, files);
  };

  return (
    <section
      className={`chat${dragging ? ' chat--dragging' : ''}`}
      aria-labelledby={titleId}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        sendFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {dragging && (
        <div className="chat__drop" aria-hidden="true">
          {t('files.drop')}
        </div>
      )}
      <header className="chat__header">
        {group ? (
          <span className="group-chats__icon" aria-hidden="true">
            <Icon name="people" size={18} />
          </span>
        ) : (
          <Avatar name={peer.displayName} size="small" url={peer.avatarUrl} />
        )}
        <div className="chat__who">
          <h2 id={titleId}>{group ? open.conversation.title : t('chat.with', { name: peer.displayName })}</h2>
          <span className="chat__presence" data-presence={group ? undefined : presence}>
            {typing
              ? t('chat.typing')
              : group
                ? t('groups.members', { count: members.length })
                : t(`presence.${presence}` as 'presence.online')}
          </span>
        </div>
        {!group && calls !== null && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('calls.call', { name: peer.displayName })}
            onClick={() => void calls.call(peer.userId, peer.displayName)}
          >
            <Icon name="camera" size={16} />
          </button>
        )}
        {group && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('groups.manage')}
            aria-expanded={managing}
            onClick={() => setManaging((m) => !m)}
          >
            <Icon name="people" size={16} />
          </button>
        )}
        <button type="button" className="icon-button" aria-label={t('chat.close')} onClick={() => chat.close()}>
          <Icon name="close" size={16} />
        </button>
      </header>
      {group && managing && (
        <GroupMembers chat={chat} conversationId={open.conversation.conversationId} title={open.conversation.title ?? ''}
          members={members} me={me} ownerId={open.conversation.ownerId}
          friends={friends?.list.friends.map((f) => f.user) ?? []} />
      )}
      <input
        className="chat__search"
        type="search"
        aria-label={t('chat.search')}
        placeholder={t('chat.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ol
        className="chat__messages"
        ref={list}
        aria-label={t('chat.messages')}
        aria-busy={open.loading}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {open.hasMore && lowered === '' && (
          <li className="chat__earlier">
            <button type="button" className="button button--ghost button--small" disabled={open.loading} onClick={() => void chat.loadEarlier()}>
              {open.loading ? t('chat.loading') : t('chat.earlier')}
            </button>
          </li>
        )}
        {shown.length === 0 && !open.loading && (
          <li className="hint chat__empty">{lowered === '' ? t('chat.empty') : t('chat.noMatches')}</li>
        )}
        {shown.map((m) =>
          m.kind === 'call' ? (
            <li key={`${m.senderId}:${m.clientId}`} className="chat__event chat__call" data-seq={m.seq} data-call={m.body}>
              📞 {t(`calls.record_${m.body}` as 'calls.record_missed')} · {time.format(m.createdMs)}
            </li>
          ) : GROUP_EVENTS.has(m.kind) ? (
            <li key={`${m.senderId}:${m.clientId}`} className="chat__event" data-seq={m.seq}>
              {t(`groups.event_${m.kind}` as 'groups.event_added', { who: names.get(m.senderId) ?? '…', name: m.body })}
            </li>
          ) : (
          <MessageItem
            key={`${m.senderId}:${m.clientId}`}
            message={m}
            sender={group && m.senderId !== me ? (names.get(m.senderId) ?? '…') : null}
            mine={m.senderId === me}
            time={time.format(m.createdMs)}
            receipt={m === lastMine ? receipt(m, open.conversation.othersDeliveredSeq, open.conversation.othersReadSeq) : null}
            onRetry={() => void chat.resend(m.clientId)}
          />
          ),
        )}
      </ol>
      <FileTransfers store={transfers} target={target} />
      {state.error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(errorKey(state.error))}
        </p>
      )}
      {emojiOpen && (
        <div className="chat__emoji" role="group" aria-label={t('chat.emoji')}>
          {EMOJI.map((e) => (
            <button key={e} type="button" className="chat__emoji-button" aria-label={e} onClick={() => setText((s) => s + e)}>
              {e}
            </button>
          ))}
        </div>
      )}
      <form className="chat__compose" onSubmit={onSend}>
        <button
          type="button"
          className="icon-button"
          aria-label={t('chat.emoji')}
          aria-expanded={emojiOpen}
          onClick={() => setEmojiOpen((o) => !o)}
        >
          😊
        </button>
        <AttachFiles testId="attach-files" onFiles={sendFiles} />
        <label htmlFor={inputId} className="visually-hidden">
          {t('chat.message')}
        </label>
        <textarea
          id={inputId}
          rows={2}
          value={text}
          placeholder={t('chat.placeholder')}
          aria-invalid={chars > maxChars}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value !== '') chat.typing();
          }}
          onKeyDown={onKey}
        />
        <button type="submit" className="button button--primary button--small" disabled={text.trim() === '' || chars > maxChars}>
          {t('chat.send')}
        </button>
      </form>
      {chars > maxChars - 200 && (
        <p className={chars > maxChars ? 'form-error chat__count' : 'hint chat__count'} aria-live="polite">
          {t('chat.charsLeft', { count: maxChars - chars })}
        </p>
      )}
    </section>
  );
}

/** receipt is what my last stored message says of the other side: Read, Delivered or Sent. */
function receipt(m: ShownMessage, delivered: number, read: number): 'read' | 'delivered' | 'sent' {
  return read >= m.seq ? 'read' : delivered >= m.seq ? 'delivered' : 'sent';
}

function MessageItem({
  message,
  sender,
  mine,
  time,
  receipt: shownReceipt,
  onRetry,
}: {
  message: ShownMessage;
  /** The sender's name, shown above others' messages in a group. */
  sender: string | null;
  mine: boolean;
  time: string;
  receipt: 'read' | 'delivered' | 'sent' | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const file = fileOf(message);
  return (
    <li className={`chat__message${mine ? ' chat__message--mine' : ''}`} data-status={message.status} data-seq={message.seq}>
      {sender !== null && <span className="chat__sender">{sender}</span>}
      {file !== null ? (
        <FileBubble file={file} className="chat__bubble" />
      ) : (
        <p className="chat__bubble">{message.body}</p>
      )}
      <span className="chat__meta">
        {time}
        {message.status === 'sending' && <span> · {t('chat.sending')}</span>}
        {message.status === 'sent' && shownReceipt !== null && (
          <span className="chat__receipt" data-receipt={shownReceipt}>
            {' '}
            · {t(`chat.${shownReceipt}`)}
          </span>
        )}
        {message.status === 'failed' && (
          <span className="chat__failed">
            {' '}
            · {t('chat.failed')}{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              {t('chat.retry')}
            </button>
          </span>
        )}
      </span>
    </li>
  );
}
