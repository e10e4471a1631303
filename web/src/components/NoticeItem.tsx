import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice, NoticeKey } from '../meeting/meetingState';

/** How long a notice stays, in ms. */
export const NOTICE_DURATION_MS = 4000;

/** NoticeItem is one notice; it asks to be dismissed after NOTICE_DURATION_MS. */
export function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(notice.id), NOTICE_DURATION_MS);
    return () => window.clearTimeout(timer);
  }, [notice.id, onDismiss]);
  // The key is typed (NoticeKey); its values vary by key, which t's typing cannot follow here.
  const translate = t as unknown as (key: NoticeKey, values: Record<string, string>) => string;
  return <li className="notice">{translate(notice.key, notice.values)}</li>;
}
