import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { returnPathFrom } from '../account/returnPath';
import { navigate } from '../navigation';
import { useAccount } from './useAccount';

/**
 * useAuthPage runs the common part of the sign-in and registration pages: it titles the
 * document with `titleKey` (an i18n key) and, once signed in, goes to the page the person came
 * from (`?next=`), else home, replacing this one in the history. It returns that return path.
 */
export function useAuthPage(titleKey: 'signIn.title' | 'register.title'): string {
  const { t } = useTranslation();
  const { state } = useAccount();
  const [next] = useState(() => returnPathFrom(window.location.search));

  useEffect(() => {
    document.title = `${t(titleKey)} · ${t('app.name')}`;
  }, [t, titleKey]);

  useEffect(() => {
    if (state.status === 'signedIn') navigate(next, { replace: true });
  }, [state.status, next]);

  return next;
}
