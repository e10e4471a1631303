import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { accountPagePath } from '../account/returnPath';
import { useAccount } from '../hooks/useAccount';
import { usePathname } from '../hooks/usePathname';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { AccountAvatar } from './AccountAvatar';
import { AppLink } from './AppLink';
import { Icon } from './Icon';
import { PresenceIndicator } from './PresenceIndicator';

/**
 * AccountMenu is the account corner of a light page's header. Signed in: my avatar and display
 * name, opening a small menu with "Profile" and "Sign out", and my presence next to it. Signed out: "Sign in" and "Register"
 * links, which come back to this page afterwards. Nothing while the page does not know yet.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { state, store } = useAccount();
  const pathname = usePathname();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (state.status === 'loading') {
    return <div className="account-corner" aria-busy="true" />;
  }

  if (state.status === 'signedOut') {
    const here = `${pathname}${window.location.search}`;
    return (
      <nav className="account-corner" aria-label={t('account.links')}>
        <AppLink className="button button--ghost" href={accountPagePath('/login', here)}>
          {t('account.signIn')}
        </AppLink>
        <AppLink className="button button--primary" href={accountPagePath('/register', here)}>
          {t('account.register')}
        </AppLink>
      </nav>
    );
  }

  const { account } = state;
  const signOut = async () => {
    setError(null);
    setBusy(true);
    try {
      await store.signOut();
      setOpen(false);
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-corner account-menu" ref={root}>
      <PresenceIndicator />
      <button
        ref={trigger}
        type="button"
        className="account-menu__trigger"
        aria-label={t('account.menu', { name: account.displayName })}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setError(null);
          setOpen(!open);
        }}
      >
        <AccountAvatar account={account} size="small" />
        <span className="account-menu__name">{account.displayName}</span>
        <svg className="account-menu__chevron" width="12" height="12" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
      </button>
      <div id={menuId} className="account-menu__panel card" hidden={!open}>
        <div className="account-menu__who">
          <strong>{account.displayName}</strong>
          <span>@{account.username}</span>
        </div>
        <ul className="account-menu__items">
          <li>
            <AppLink className="account-menu__item" href="/profile" onNavigate={() => setOpen(false)}>
              {t('account.profile')}
            </AppLink>
          </li>
          <li>
            <button
              type="button"
              className="account-menu__item"
              onClick={() => void signOut()}
              disabled={busy}
              aria-busy={busy}
            >
              {t('account.signOut')}
            </button>
          </li>
        </ul>
        {error !== null && (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {t(error)}
          </p>
        )}
      </div>
    </div>
  );
}
