import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { MAX_NOTE_CHARS, searchUsers, sendFriendRequest, type UserCard } from '../api/friendsApi';
import type { Fetch } from '../api/request';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Avatar } from './Avatar';
import { Icon } from './Icon';

type Search = { kind: 'idle' } | { kind: 'searching' } | { kind: 'found'; people: UserCard[] };

/**
 * FriendSearch ("Find people"): a search by username or name; each person found shows what
 * they are to me (friend, request sent, asked me) or "Add friend", which opens a short note and
 * "Send request". Says when the request is sent, or when we became friends at once (they had
 * asked me), and why a search or request failed.
 */
export function FriendSearch({ fetchFn, onChanged }: { fetchFn?: Fetch; onChanged: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const noteId = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  const [adding, setAdding] = useState<UserCard | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q === '') return;
    setError(null);
    setDone(null);
    setAdding(null);
    setSearch({ kind: 'searching' });
    try {
      setSearch({ kind: 'found', people: await searchUsers(q, fetchFn) });
    } catch (e) {
      setSearch({ kind: 'idle' });
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    }
  };

  const onSend = async (event: FormEvent) => {
    event.preventDefault();
    if (adding === null) return;
    setSending(true);
    setError(null);
    try {
      const sent = await sendFriendRequest(adding.userId, note, fetchFn);
      const relation = sent.friends ? 'friend' : 'request_sent';
      setDone(t(sent.friends ? 'friends.nowFriends' : 'friends.sent', { name: adding.displayName }));
      setSearch((s) =>
        s.kind === 'found'
          ? { kind: 'found', people: s.people.map((p) => (p.userId === adding.userId ? { ...p, relation } : p)) }
          : s,
      );
      setAdding(null);
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="friend-search">
      <form className="friend-search__form" role="search" onSubmit={(e) => void onSearch(e)}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('friends.search')}
        </label>
        <input
          id={inputId}
          type="search"
          maxLength={64}
          placeholder={t('friends.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={search.kind === 'searching'}>
          {t('friends.searchButton')}
        </button>
      </form>
      <p className="busy" aria-live="polite">
        {search.kind === 'searching' ? t('friends.searching') : (done ?? '')}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
      {search.kind === 'found' && search.people.length === 0 && <p className="hint">{t('friends.noResults')}</p>}
      {search.kind === 'found' && search.people.length > 0 && (
        <ul className="friend-list" aria-label={t('friends.results')}>
          {search.people.map((person) => (
            <li key={person.userId} className="friend-row">
              <Avatar name={person.displayName} size="small" url={person.avatarUrl} />
              <div className="friend-row__who">
                <span className="friend-row__name">{person.displayName}</span>
                <span className="friend-row__sub">@{person.username}</span>
              </div>
              {person.relation === 'none' ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('friends.addTo', { name: person.displayName })}
                  onClick={() => {
                    setAdding(person);
                    setNote('');
                    setError(null);
                    setDone(null);
                  }}
                >
                  <Icon name="plus" size={16} />
                  <span>{t('friends.add')}</span>
                </button>
              ) : (
                <span className="friend-row__tag">{t(`friends.relation_${person.relation}` as 'friends.relation_friend')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding !== null && (
        <form
          className="friend-search__note"
          aria-label={t('friends.addTo', { name: adding.displayName })}
          onSubmit={(e) => void onSend(e)}
        >
          <div className="field">
            <label htmlFor={noteId}>{t('friends.note')}</label>
            <input
              id={noteId}
              type="text"
              maxLength={MAX_NOTE_CHARS}
              placeholder={t('friends.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoFocus
            />
          </div>
          <div className="friend-search__actions">
            <button type="button" className="button button--secondary" onClick={() => setAdding(null)}>
              {t('friends.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={sending}>
              {t('friends.send')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
