import 'i18next';
import type { en } from './en';

// Typed keys: t('start.join') compiles, a misspelt key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Keys such as errors.meeting_not_found hold underscores: '_' must not mean "context".
    contextSeparator: '~';
    resources: { translation: typeof en };
  }
}
