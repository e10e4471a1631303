import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_KEY } from '../preferences';
import { en } from './en';
import { zhCN } from './zhCN';

/** The languages of the client, with their own names (shown in the language switch). */
export const LANGUAGES = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
] as const;

/** A supported language code. */
export type Language = (typeof LANGUAGES)[number]['code'];

/** toLanguage maps any browser language tag to a supported one: zh* → zh-CN, else en. */
export function toLanguage(tag: string | undefined | null): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The resources, by language. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((l) => l.code),
    load: 'currentOnly',
    // As declared in i18next.d.ts: error codes hold underscores, which must not start a context.
    contextSeparator: '~',
    initAsync: false,
    interpolation: { escapeValue: false },
    detection: {
      // A choice made with the language switch wins; then the browser's languages.
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: [],
      convertDetectedLanguage: (lng: string) => toLanguage(lng),
    },
  });

function applyToDocument(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(lng);
}
applyToDocument(i18next.language);
i18next.on('languageChanged', applyToDocument);

export default i18next;
