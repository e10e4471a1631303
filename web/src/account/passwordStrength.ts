import { codePoints, isCommonPassword, PASSWORD_MIN } from './accountRules';

/** How hard a password looks to guess; `tooShort` below the minimum length. */
export type PasswordStrength = 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

/** The strengths in order, weakest first (the meter fills one segment per step). */
export const STRENGTHS: readonly PasswordStrength[] = ['tooShort', 'weak', 'fair', 'good', 'strong'];

function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u].filter((re) => re.test(password)).length;
}

/**
 * passwordStrength is the hint shown while typing a new password: length counts most, then the
 * mix of lower case, upper case, digits and other characters. A common password, the username,
 * or one character repeated is `weak` whatever its length. It is only a hint; the server decides.
 */
export function passwordStrength(password: string, username = ''): PasswordStrength {
  const length = codePoints(password);
  if (length < PASSWORD_MIN) return 'tooShort';
  const lower = password.toLowerCase();
  if (
    isCommonPassword(password) ||
    (username !== '' && lower.includes(username.toLowerCase())) ||
    new Set(Array.from(lower)).size <= 2
  ) {
    return 'weak';
  }
  const classes = characterClasses(password);
  if (length >= 20 || (length >= 14 && classes >= 3)) return 'strong';
  if (length >= 16 || (length >= 12 && classes >= 2) || (length >= 10 && classes >= 3)) return 'good';
  if (length >= 12 || classes >= 2) return 'fair';
  return 'weak';
}
