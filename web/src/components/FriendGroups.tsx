import { useContext, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import {
  createFriendGroup,
  deleteFriendGroup,
  MAX_GROUP_NAME_CHARS,
  moveFriend,
  orderFriendGroups,
  removeFriend,
  renameFriendGroup,
  type FriendList,
  type FriendView,
} from '../api/friendsApi';
import type { Fetch } from '../api/request';
import { CallContext } from '../call/CallContext';
import { ChatContext } from '../chat/ChatContext';
import { isReachable, presenceRank } from '../friends/friendsStore';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { Avatar } from './Avatar';
import { Icon } from './Icon';

/** One drawer of the list: the default group (id 0) or a named one. */
interface Drawer {
  groupId: number;
  name: string;
  friends: FriendView[];
}

/** drawers splits my friends into my groups, the default group first; online first in each. */
export function drawers(list: FriendList, defaultName: string): Drawer[] {
  const known = new Set(list.groups.map((g) => g.groupId));
  const all: Drawer[] = [
    { groupId: 0, name: defaultName, friends: [] },
    ...list.groups.map((g) => ({ groupId: g.groupId, name: g.name, friends: [] as FriendView[] })),
  ];
  const byId = new Map(all.map((d) => [d.groupId, d]));
  for (const f of list.friends) byId.get(known.has(f.groupId) ? f.groupId : 0)!.friends.push(f);
  for (const d of all) d.friends.sort((a, b) => presenceRank(a.presence) - presenceRank(b.presence));
  return all;
}

/**
 * FriendGroups: my friends in drawers ("My friends" and the groups I named, in my order), each
 * a disclosure with its "online/all" count; a friend shows avatar, name, presence and mood line,
 * and a menu to move them to another group or remove them (after a confirmation). Below, "New
 * group"; named groups can be renamed, moved up or down, and deleted (their friends go back to
 * "My friends").
 */
export function FriendGroups({
  list,
  fetchFn,
  onChanged,
}: {
  list: FriendList;
  fetchFn?: Fetch;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const newGroupId = useId();
  const [error, setError] = useState<ErrorKey | null>(null);
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<number | null>(null);
  const [renameTo, setRenameTo] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const chat = useContext(ChatContext);
  const calls = useContext(CallContext);
  // Re-render when unread counts change.
  useSyncExternalStore(chat?.subscribe ?? (() => () => undefined), () => chat?.state ?? null);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      onChanged();
    }
  };

  const groups = drawers(list, t('friends.defaultGroup'));
  const named = list.groups.map((g) => g.groupId);
  const move = (index: number, by: number) => {
    const order = [...named];
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    void run(() => orderFriendGroups(order, fetchFn));
  };

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (name === '') return;
    setCreating(false);
    setNewName('');
    void run(() => createFriendGroup(name, fetchFn));
  };

  const onRename = (event: FormEvent, groupId: number) => {
    event.preventDefault();
    const name = renameTo.trim();
    setRenaming(null);
    if (name !== '') void run(() => renameFriendGroup(groupId, name, fetchFn));
  };

  return (
    <div className="friend-groups">
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
      {groups.map((group, index) => {
        const online = group.friends.filter((f) => isReachable(f.presence)).length;
        return (
          <details key={group.groupId} className="friend-group" open>
            <summary>
              {renaming === group.groupId ? (
                <form className="friend-group__rename" onSubmit={(e) => onRename(e, group.groupId)}>
                  <input
                    aria-label={t('friends.renameGroup', { name: group.name })}
                    maxLength={MAX_GROUP_NAME_CHARS}
                    value={renameTo}
                    onChange={(e) => setRenameTo(e.target.value)}
                    autoFocus
                  />
                  <button type="submit" className="button button--secondary button--small">
                    {t('friends.save')}
                  </button>
                </form>
              ) : (
                <span className="friend-group__name">{group.name}</span>
              )}
              <span className="friend-group__count" aria-label={t('friends.online', { online, count: group.friends.length })}>
                {t('friends.groupCount', { online, count: group.friends.length })}
              </span>
              {group.groupId !== 0 && renaming !== group.groupId && (
                <span className="friend-group__tools">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('friends.moveUp', { name: group.name })}
                    disabled={index === 1}
                    onClick={(e) => {
                      e.preventDefault();
                      move(index - 1, -1);
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('friends.moveDown', { name: group.name })}
                    disabled={index === groups.length - 1}
                    onClick={(e) => {
                      e.preventDefault();
                      move(index - 1, 1);
                    }}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('friends.renameGroup', { name: group.name })}
                    onClick={(e) => {
                      e.preventDefault();
                      setRenaming(group.groupId);
                      setRenameTo(group.name);
                    }}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('friends.deleteGroup', { name: group.name })}
                    onClick={(e) => {
                      e.preventDefault();
                      if (window.confirm(t('friends.confirmDeleteGroup', { name: group.name }))) {
                        void run(() => deleteFriendGroup(group.groupId, fetchFn));
                      }
                    }}
                  >
                    <Icon name="close" size={14} />
                  </button>
                </span>
              )}
            </summary>
            <ul className="friend-list" aria-label={group.name}>
              {group.friends.map((f) => (
                <li
                  key={f.user.userId}
                  className={`friend-row${isReachable(f.presence) ? '' : ' friend-row--offline'}`}
                  data-presence={f.presence}
                >
                  <span className="friend-row__avatar">
                    <Avatar name={f.user.displayName} size="small" url={f.user.avatarUrl} />
                    <span className={`presence presence--${f.presence}`} aria-hidden="true">
                      <span className="presence__dot" />
                    </span>
                  </span>
                  <button
                    type="button"
                    className="friend-row__who friend-row__open"
                    aria-label={t('chat.open', { name: f.user.displayName })}
                    onClick={() => void chat?.openWith(f.user.userId)}
                  >
                    <span className="friend-row__name">{f.user.displayName}</span>
                    <span className="friend-row__sub">
                      <span className="friend-row__presence">{t(`presence.${f.presence}` as 'presence.online')}</span>
                      {f.user.moodLine !== null && f.user.moodLine !== '' && <span> · {f.user.moodLine}</span>}
                    </span>
                  </button>
                  {(chat?.unreadFrom(f.user.userId) ?? 0) > 0 && (
                    <span className="badge" aria-label={t('chat.unread', { count: chat!.unreadFrom(f.user.userId) })}>
                      {chat!.unreadFrom(f.user.userId)}
                    </span>
                  )}
                  {calls !== null && (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('calls.call', { name: f.user.displayName })}
                      onClick={() => void calls.call(f.user.userId, f.user.displayName)}
                    >
                      <Icon name="camera" size={16} />
                    </button>
                  )}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('friends.actions', { name: f.user.displayName })}
                    aria-expanded={open === f.user.userId}
                    onClick={() => setOpen(open === f.user.userId ? null : f.user.userId)}
                  >
                    ⋯
                  </button>
                  {open === f.user.userId && (
                    <div className="friend-row__menu">
                      <select
                        aria-label={t('friends.moveTo', { name: f.user.displayName })}
                        value={groups.some((g) => g.groupId === f.groupId) ? f.groupId : 0}
                        onChange={(e) => {
                          setOpen(null);
                          void run(() => moveFriend(f.user.userId, Number(e.target.value), fetchFn));
                        }}
                      >
                        {groups.map((g) => (
                          <option key={g.groupId} value={g.groupId}>
                            {g.name}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        onClick={() => {
                          setOpen(null);
                          if (window.confirm(t('friends.confirmRemove', { name: f.user.displayName }))) {
                            void run(() => removeFriend(f.user.userId, fetchFn));
                          }
                        }}
                      >
                        {t('friends.remove', { name: f.user.displayName })}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {creating ? (
        <form className="friend-group__new" onSubmit={onCreate}>
          <label htmlFor={newGroupId} className="visually-hidden">
            {t('friends.groupName')}
          </label>
          <input
            id={newGroupId}
            maxLength={MAX_GROUP_NAME_CHARS}
            placeholder={t('friends.groupName')}
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
            autoFocus
          />
          <button type="submit" className="button button--primary button--small">
            {t('friends.create')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setCreating(false)}>
            {t('friends.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button--ghost button--small" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} />
          <span>{t('friends.newGroup')}</span>
        </button>
      )}
    </div>
  );
}
