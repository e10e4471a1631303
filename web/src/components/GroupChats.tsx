import { useContext, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { createGroup } from '../api/chatApi';
import type { FriendView } from '../api/friendsApi';
import type { Fetch } from '../api/request';
import { ChatContext } from '../chat/ChatContext';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Icon } from './Icon';

/** The longest group name, in characters (the server's limit). */
const MAX_TITLE_CHARS = 64;

/**
 * GroupChats ("Group chats"): the group chats I am in, each with its member count and unread
 * badge, opening it in the chat window; and "New group chat": a name and some of my friends.
 */
export function GroupChats({ friends, fetchFn }: { friends: FriendView[]; fetchFn?: Fetch }) {
  const { t } = useTranslation();
  const chat = useContext(ChatContext);
  const headingId = useId();
  const nameId = useId();
  const state = useSyncExternalStore(chat?.subscribe ?? (() => () => undefined), () => chat?.state ?? null);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  if (chat === null || state === null) return null;
  const groups = state.conversations.filter((c) => c.kind === 'group');

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const group = await createGroup(title.trim(), [...chosen], fetchFn);
      setCreating(false);
      setTitle('');
      setChosen(new Set());
      await chat.load();
      await chat.openConversation(group.conversationId);
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="group-chats" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('groups.title')}</h3>
      {groups.length > 0 && (
        <ul className="friend-list" aria-label={t('groups.title')}>
          {groups.map((g) => (
            <li key={g.conversationId} className="friend-row">
              <span className="group-chats__icon" aria-hidden="true">
                <Icon name="people" size={18} />
              </span>
              <button
                type="button"
                className="friend-row__who friend-row__open"
                aria-label={t('groups.open', { name: g.title ?? '' })}
                onClick={() => void chat.openConversation(g.conversationId)}
              >
                <span className="friend-row__name">{g.title}</span>
                <span className="friend-row__sub">{t('groups.members', { count: g.members.length })}</span>
              </button>
              {g.unread > 0 && (
                <span className="badge" aria-label={t('chat.unread', { count: g.unread })}>
                  {g.unread}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <form className="group-chats__new" aria-label={t('groups.new')} onSubmit={(e) => void onCreate(e)}>
          <div className="field">
            <label htmlFor={nameId}>{t('groups.name')}</label>
            <input id={nameId} maxLength={MAX_TITLE_CHARS} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          </div>
          <fieldset className="group-chats__pick">
            <legend>{t('groups.pick')}</legend>
            {friends.length === 0 && <p className="hint">{t('groups.noFriends')}</p>}
            {friends.map((f) => (
              <label key={f.user.userId} className="group-chats__choice">
                <input
                  type="checkbox"
                  checked={chosen.has(f.user.userId)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(f.user.userId);
                    else next.delete(f.user.userId);
                    setChosen(next);
                  }}
                />
                {f.user.displayName}
              </label>
            ))}
          </fieldset>
          {error !== null && (
            <p className="form-error" role="alert">
              <Icon name="alert" size={16} />
              {t(error)}
            </p>
          )}
          <div className="friend-search__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => setCreating(false)}>
              {t('friends.cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={busy || title.trim() === '' || chosen.size === 0}
            >
              {t('groups.create')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--ghost button--small" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} />
          <span>{t('groups.new')}</span>
        </button>
      )}
    </section>
  );
}
