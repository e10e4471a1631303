import type { Notice } from '../meeting/meetingState';
import { NoticeItem } from './NoticeItem';

/**
 * NoticeList shows short messages (someone joined or left, link copied) for a few seconds, in
 * an aria-live region so that screen readers announce them.
 */
export function NoticeList({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss(id: number): void }) {
  return (
    <ul className="notices" aria-live="polite" aria-relevant="additions">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} onDismiss={onDismiss} />
      ))}
    </ul>
  );
}
