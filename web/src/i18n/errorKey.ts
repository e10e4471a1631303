import { en } from './en';

/** The i18n key of an error's text. */
export type ErrorKey = `errors.${keyof typeof en.errors}`;

/**
 * errorKey gives the key translating an error code from the server (or the client's own codes);
 * an unknown code gets the generic `errors.unknown`.
 */
export function errorKey(code: string | null | undefined): ErrorKey {
  return code && Object.prototype.hasOwnProperty.call(en.errors, code)
    ? (`errors.${code}` as ErrorKey)
    : 'errors.unknown';
}
