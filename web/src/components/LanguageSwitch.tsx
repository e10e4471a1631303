import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage } from '../i18n/i18n';
import { saveLanguage } from '../preferences';
import { Icon } from './Icon';

/** LanguageSwitch chooses 中文 or English; the choice is remembered in this browser. */
export function LanguageSwitch({ tone }: { tone: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={`language-switch language-switch--${tone}`}>
      <Icon name="globe" size={16} />
      <select
        aria-label={t('language.label')}
        value={toLanguage(i18n.language)}
        onChange={(event) => {
          saveLanguage(event.target.value);
          void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </label>
  );
}
