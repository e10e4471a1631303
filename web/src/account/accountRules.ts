/**
 * The rules of the registration and profile forms, as the server applies them (its answer is
 * what counts; these only let the form say what is wrong before sending). Each check returns the
 * server's error code for the value, or null when it is fine.
 */

/** Usernames: 3 to 32 of A–Z, a–z, 0–9 and _. */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
/** Passwords: 8 to 1024 characters. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;
/** Display names: 1 to 64 characters. */
export const DISPLAY_NAME_MAX = 64;
/** Mood lines (个性签名): up to 80 characters. */
export const MOOD_LINE_MAX = 80;

/** A field of the account forms. */
export type AccountField =
  | 'username'
  | 'password'
  | 'confirmPassword'
  | 'displayName'
  | 'phone'
  | 'moodLine'
  | 'avatar';

/** The codes of the form checks (the server's codes, plus the client's own two). */
export type FieldErrorCode =
  | 'username_invalid'
  | 'username_taken'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_common'
  | 'password_equals_username'
  | 'password_mismatch'
  | 'display_name_invalid'
  | 'phone_invalid'
  | 'mood_invalid'
  | 'avatar_invalid'
  | 'avatar_too_large'
  | 'field_required';

const FIELD_OF_CODE: Record<string, AccountField> = {
  username_invalid: 'username',
  username_taken: 'username',
  password_too_short: 'password',
  password_too_long: 'password',
  password_too_common: 'password',
  password_equals_username: 'password',
  password_mismatch: 'confirmPassword',
  display_name_invalid: 'displayName',
  phone_invalid: 'phone',
  mood_invalid: 'moodLine',
  avatar_invalid: 'avatar',
  avatar_too_large: 'avatar',
};

/** fieldOfCode names the field a server error code is about, or null for a form-wide error. */
export function fieldOfCode(code: string): AccountField | null {
  return Object.prototype.hasOwnProperty.call(FIELD_OF_CODE, code) ? FIELD_OF_CODE[code]! : null;
}

/** codePoints counts characters as the server does (an emoji or 𠀀 is one). */
export function codePoints(text: string): number {
  return Array.from(text).length;
}

// Control characters, line and paragraph separators, and bidirectional controls (they reorder
// what others see): the server refuses them in names and mood lines.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

function checkText(text: string, max: number): boolean {
  const trimmed = text.trim();
  const length = codePoints(trimmed);
  return length >= 1 && length <= max && !FORBIDDEN.test(trimmed) && VISIBLE.test(trimmed);
}

/** checkUsername: `username_invalid` unless 3–32 letters, digits or underscores. */
export function checkUsername(username: string): 'username_invalid' | null {
  return /^[A-Za-z0-9_]{3,32}$/.test(username) ? null : 'username_invalid';
}

/**
 * A few of the most used passwords of 8 or more characters (Western and Chinese lists). The
 * server checks a much longer list; this only warns early.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '00000000', '11111111', '12121212', '123123123', '12341234', '12344321', '12345678',
  '123456789', '1234567890', '123456abc', '11223344', '1qaz2wsx', '1q2w3e4r', '5201314520',
  '66666666', '87654321', '88888888', 'a1234567', 'a12345678', 'aa123456', 'abc12345',
  'abcd1234', 'admin123', 'asdfghjkl', 'baseball', 'football', 'iloveyou', 'passw0rd',
  'password', 'password1', 'password123', 'princess', 'qwer1234', 'qwerty123', 'qwertyui',
  'qwertyuiop', 'sunshine', 'welcome1', 'woaini1314', 'zxcvbnm1',
]);

/** isCommonPassword tells whether a password is on the client's short list of common ones. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/**
 * checkPassword applies the password rules in the server's order: at most 1024 characters, at
 * least 8, not the username (ignoring case), not a common password.
 */
export function checkPassword(
  password: string,
  username: string,
): 'password_too_long' | 'password_too_short' | 'password_equals_username' | 'password_too_common' | null {
  if (password.length > PASSWORD_MAX) return 'password_too_long';
  if (codePoints(password) < PASSWORD_MIN) return 'password_too_short';
  if (username !== '' && password.toLowerCase() === username.toLowerCase()) return 'password_equals_username';
  if (isCommonPassword(password)) return 'password_too_common';
  return null;
}

/** checkDisplayName: 1–64 characters once trimmed, something visible, no control characters. */
export function checkDisplayName(name: string): 'display_name_invalid' | null {
  return checkText(name, DISPLAY_NAME_MAX) ? null : 'display_name_invalid';
}

/** checkMoodLine: empty, or up to 80 characters without control characters. */
export function checkMoodLine(mood: string): 'mood_invalid' | null {
  if (mood.trim() === '') return null;
  return checkText(mood, MOOD_LINE_MAX) ? null : 'mood_invalid';
}

/**
 * checkPhone: empty, or an optional + then 6 to 15 digits (not 0 right after the +); spaces,
 * dots, hyphens and parentheses between them are allowed.
 */
export function checkPhone(phone: string): 'phone_invalid' | null {
  const trimmed = phone.trim();
  if (trimmed === '') return null;
  if (trimmed.length > 32 || !/^\+?[\d\s.()-]+$/.test(trimmed)) return 'phone_invalid';
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return 'phone_invalid';
  if (trimmed.startsWith('+') && digits.startsWith('0')) return 'phone_invalid';
  return null;
}
