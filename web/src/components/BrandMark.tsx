import { useTranslation } from 'react-i18next';
import { navigate } from '../navigation';

/** BrandMark is the logo and name, a link to the start page. */
export function BrandMark({ tone }: { tone: 'light' | 'dark' }) {
  const { t } = useTranslation();
  return (
    <a
      className={`brand brand--${tone}`}
      href="/"
      aria-label={t('app.home')}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate('/');
      }}
    >
      <svg className="brand__logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <rect width="64" height="64" rx="14" fill="#1f6fff" />
        <rect x="12" y="20" width="28" height="24" rx="5" fill="#fff" />
        <path d="M42 28l10-6v20l-10-6z" fill="#fff" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
    </a>
  );
}
