import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CallContext } from '../call/CallContext';
import type { CallStore } from '../call/callStore';
import { Ringer } from '../call/ringer';
import { errorKey } from '../i18n/errorKey';
import { Avatar } from './Avatar';
import { Icon } from './Icon';

/** How long the notice of a call's end stays, in ms. */
const ENDED_SHOWN_MS = 4000;

/**
 * CallDialog, on every page while someone is signed in: a friend calling me (their name, a
 * ringing sound, "Accept" and "Decline"), my own call ringing at a friend's ("Calling…",
 * "Cancel"), and for a moment why a call ended (declined, missed, cancelled, busy).
 */
export function CallDialog() {
  const calls = useContext(CallContext);
  if (calls === null) return null;
  return <CallDialogOf calls={calls} />;
}

function CallDialogOf({ calls }: { calls: CallStore }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(calls.subscribe, () => calls.state);
  const ringer = useRef(new Ringer());
  const ringing = state.incoming !== null ? 'incoming' : state.outgoing !== null ? 'outgoing' : null;

  useEffect(() => {
    if (ringing === null) return;
    const r = ringer.current;
    r.start(ringing === 'incoming');
    return () => r.stop();
  }, [ringing]);
  useEffect(() => {
    if (state.ended === null && state.error === null) return;
    const timer = setTimeout(() => calls.dismiss(), ENDED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state.ended, state.error, calls]);
  // A call while the page is hidden: a browser notification, when permitted.
  useEffect(() => {
    if (
      state.incoming !== null &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted' &&
      document.visibilityState === 'hidden'
    ) {
      new Notification(t('calls.incoming', { name: state.incoming.caller.displayName }));
    }
  }, [state.incoming, t]);

  if (state.incoming !== null) {
    const from = state.incoming.caller;
    return (
      <div className="call-dialog" role="alertdialog" aria-label={t('calls.incoming', { name: from.displayName })}>
        <Avatar name={from.displayName} size="large" url={from.avatarUrl} />
        <p className="call-dialog__title">{t('calls.incoming', { name: from.displayName })}</p>
        <div className="call-dialog__actions">
          <button type="button" className="button button--danger" onClick={() => void calls.decline()}>
            {t('calls.decline')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void calls.accept()}>
            {t('calls.accept')}
          </button>
        </div>
      </div>
    );
  }
  if (state.outgoing !== null) {
    const to = state.outgoing.callee;
    return (
      <div className="call-dialog" role="dialog" aria-label={t('calls.calling', { name: to.displayName })}>
        <Avatar name={to.displayName} size="large" url={to.avatarUrl} />
        <p className="call-dialog__title">{t('calls.calling', { name: to.displayName })}</p>
        <div className="call-dialog__actions">
          <button type="button" className="button button--danger" onClick={() => void calls.cancel()}>
            {t('calls.cancel')}
          </button>
        </div>
      </div>
    );
  }
  if (state.invite !== null) {
    const invite = state.invite;
    return (
      <div className="call-dialog" role="alertdialog" aria-label={t('invites.title', { name: invite.from })}>
        <p className="call-dialog__title">{t('invites.title', { name: invite.from })}</p>
        <p>{invite.title}</p>
        <div className="call-dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => calls.dismissInvite()}>
            {t('invites.dismiss')}
          </button>
          <button type="button" className="button button--primary" onClick={() => calls.joinInvite()}>
            {t('invites.join')}
          </button>
        </div>
      </div>
    );
  }
  if (state.ended !== null || state.error !== null) {
    return (
      <div className="call-notice" role="status">
        <Icon name="alert" size={16} />
        {state.ended !== null
          ? t(`calls.ended_${state.ended.reason}` as 'calls.ended_missed', { name: state.ended.name })
          : t(errorKey(state.error))}
      </div>
    );
  }
  return null;
}
