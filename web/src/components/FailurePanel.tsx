import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errorKey';
import { Icon } from './Icon';

/** FailurePanel covers the meeting when the connection failed for good: the reason and "Try again". */
export function FailurePanel({ reason, onRetry }: { reason: string | null; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="failure">
      <div className="failure__card">
        <Icon name="alert" size={32} />
        <p>{t(errorKey(reason))}</p>
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('connection.retry')}
        </button>
      </div>
    </div>
  );
}
