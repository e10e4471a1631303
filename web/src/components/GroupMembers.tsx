import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { addMember, removeMember, renameGroup } from '../api/chatApi';
import type { UserCard } from '../api/friendsApi';
import type { ChatStore } from '../chat/chatStore';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Icon } from './Icon';

/**
 * GroupMembers: who is in a group, with "Remove" for its owner, "Add" for my friends not in it,
 * a new name, and "Leave group".
 */
export function GroupMembers({
  chat,
  conversationId,
  title,
  members,
  me,
  ownerId,
  friends,
}: {
  chat: ChatStore;
  conversationId: number;
  title: string;
  members: UserCard[];
  me: number;
  ownerId: number;
  friends: UserCard[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(title);
  const [error, setError] = useState<ErrorKey | null>(null);
  const inGroup = new Set(members.map((m) => m.userId));
  const addable = friends.filter((f) => !inGroup.has(f.userId));

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await chat.conversationChanged();
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    }
  };
  const onRename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '' && name.trim() !== title) void run(() => renameGroup(conversationId, name.trim()));
  };

  return (
    <div className="group-members" role="group" aria-label={t('groups.manage')}>
      <form className="friend-group__rename" onSubmit={onRename}>
        <input aria-label={t('groups.name')} maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button--secondary button--small">
          {t('friends.rename')}
        </button>
      </form>
      <ul className="group-members__list" aria-label={t('groups.memberList')}>
        {members.map((m) => (
          <li key={m.userId}>
            <span>
              {m.displayName}
              {m.userId === ownerId && <span className="hint"> · {t('groups.owner')}</span>}
            </span>
            {ownerId === me && m.userId !== me && (
              <button
                type="button"
                className="link-button"
                aria-label={t('groups.remove', { name: m.displayName })}
                onClick={() => void run(() => removeMember(conversationId, m.userId))}
              >
                {t('groups.removeShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {addable.length > 0 && (
        <select
          aria-label={t('groups.add')}
          value=""
          onChange={(e) => {
            const id = Number(e.target.value);
            if (id > 0) void run(() => addMember(conversationId, id));
          }}
        >
          <option value="">{t('groups.add')}</option>
          {addable.map((f) => (
            <option key={f.userId} value={f.userId}>
              {f.displayName}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="button button--danger button--small"
        onClick={() => {
          if (window.confirm(t('groups.confirmLeave', { name: title }))) {
            void run(() => removeMember(conversationId, me));
          }
        }}
      >
        {t('groups.leave')}
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
    </div>
  );
}
