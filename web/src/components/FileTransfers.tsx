import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../api/filesApi';
import { secondsLeft, type Transfer, type TransferStore, type TransferTarget, type Unfinished } from '../files/transferStore';
import { errorKey } from '../i18n/errorKey';
import { Icon } from './Icon';

/** formatSeconds writes a time left: 42 s, 3 min, 1 h 05 min. */
function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.ceil(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${String(Math.ceil((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * FileTransfers: the files being sent to one place (a conversation, a meeting's chat), each with a progress bar, its
 * speed and time left, and Pause / Resume / Cancel; and the uploads an earlier visit left
 * unfinished, continued by choosing the same file again.
 */
export function FileTransfers({ store, target }: { store: TransferStore; target: TransferTarget }) {
  const { t } = useTranslation();
  const all = useSyncExternalStore(store.subscribe, () => store.state);
  // Also the ones to one person of the same place (`<key>:to:<id>`).
  const mine = all.filter((x) => x.target === target.key || x.target.startsWith(`${target.key}:`));
  const [unfinished, setUnfinished] = useState<Unfinished[]>([]);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void store.unfinished(target.key).then((u) => live && setUnfinished(u)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, target.key, all.length]);

  if (mine.length === 0 && unfinished.length === 0) return null;
  return (
    <div className="transfers" role="region" aria-label={t('files.transfers')}>
      {unfinished.map((u) => (
        <div key={u.urlStorageKey} className="transfer transfer--unfinished">
          <Icon name="alert" size={16} />
          <span className="transfer__name">{t('files.unfinished', { name: u.name, size: formatBytes(u.size) })}</span>
          <button type="button" className="link-button" onClick={() => picker.current?.click()}>
            {t('files.continue')}
          </button>
          <button type="button" className="link-button" onClick={() => void store.forget(u).then(() => setUnfinished((l) => l.filter((x) => x !== u)))}>
            {t('files.discard')}
          </button>
        </div>
      ))}
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          if (e.target.files !== null) store.send(target, Array.from(e.target.files));
          e.target.value = '';
        }}
      />
      {mine.map((x) => (
        <TransferRow key={x.key} transfer={x} store={store} />
      ))}
    </div>
  );
}

function TransferRow({ transfer: x, store }: { transfer: Transfer; store: TransferStore }) {
  const { t } = useTranslation();
  const percent = x.size === 0 ? 100 : Math.floor((x.done / x.size) * 100);
  const left = secondsLeft(x);
  const status =
    x.phase === 'hashing'
      ? t('files.hashing', { percent })
      : x.phase === 'uploading'
        ? [
            t('files.uploading', { done: formatBytes(x.done), total: formatBytes(x.size) }),
            x.speed > 0 ? t('files.speed', { speed: formatBytes(Math.round(x.speed)) }) : null,
            left !== null ? t('files.left', { time: formatSeconds(left) }) : null,
          ]
            .filter((s) => s !== null)
            .join(' · ')
        : x.phase === 'paused'
          ? t('files.paused', { done: formatBytes(x.done), total: formatBytes(x.size) })
          : x.phase === 'sending'
            ? t('files.sending')
            : x.phase === 'done'
              ? x.instant
                ? t('files.instant')
                : t('files.done')
              : t('files.failed', { reason: t(errorKey(x.error)) });
  return (
    <div
      className="transfer"
      data-phase={x.phase}
      data-instant={x.instant ? 'true' : undefined}
      data-resumed-from={x.resumedFrom ?? undefined}
    >
      <span className="transfer__name" title={x.name}>
        {x.name}
      </span>
      <progress
        className="transfer__bar"
        max={100}
        value={x.phase === 'hashing' ? undefined : percent}
        aria-label={x.name}
        aria-valuetext={`${percent}%`}
      />
      <span className="transfer__status" aria-live="polite">
        {status}
      </span>
      <span className="transfer__actions">
        {x.phase === 'uploading' && (
          <button type="button" className="icon-button" aria-label={t('files.pause', { name: x.name })} onClick={() => store.pause(x.key)}>
            ⏸
          </button>
        )}
        {x.phase === 'paused' && (
          <button type="button" className="icon-button" aria-label={t('files.resume', { name: x.name })} onClick={() => store.resume(x.key)}>
            ▶
          </button>
        )}
        {(x.phase === 'hashing' || x.phase === 'uploading' || x.phase === 'paused') && (
          <button type="button" className="icon-button" aria-label={t('files.cancel', { name: x.name })} onClick={() => store.cancel(x.key)}>
            <Icon name="close" size={14} />
          </button>
        )}
        {x.phase === 'failed' && (
          <button type="button" className="link-button" onClick={() => store.dismiss(x.key)}>
            {t('files.dismiss')}
          </button>
        )}
      </span>
    </div>
  );
}
