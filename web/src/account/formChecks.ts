import {
  checkDisplayName,
  checkMoodLine,
  checkPassword,
  checkPhone,
  checkUsername,
  type FieldErrorCode,
} from './accountRules';

/** The errors of a form, by field: the first rule each field breaks. */
export type FormErrors<F extends string> = Partial<Record<F, FieldErrorCode>>;

/** The registration form. */
export interface RegistrationValues {
  username: string;
  password: string;
  confirmPassword: string;
  displayName: string;
  phone: string;
}

/** The profile form. */
export interface ProfileValues {
  displayName: string;
  moodLine: string;
  phone: string;
}

/** The change-password form. */
export interface PasswordChangeValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function newPasswordErrors(
  password: string,
  confirm: string,
  username: string,
): { password?: FieldErrorCode; confirm?: FieldErrorCode } {
  const out: { password?: FieldErrorCode; confirm?: FieldErrorCode } = {};
  const broken = checkPassword(password, username);
  if (password === '') out.password = 'field_required';
  else if (broken) out.password = broken;
  if (confirm === '') out.confirm = 'field_required';
  else if (confirm !== password) out.confirm = 'password_mismatch';
  return out;
}

/** checkRegistration checks the registration form as the server would. */
export function checkRegistration(values: RegistrationValues): FormErrors<keyof RegistrationValues> {
  const errors: FormErrors<keyof RegistrationValues> = {};
  if (values.username === '') errors.username = 'field_required';
  else if (checkUsername(values.username)) errors.username = 'username_invalid';
  const password = newPasswordErrors(values.password, values.confirmPassword, values.username);
  if (password.password) errors.password = password.password;
  if (password.confirm) errors.confirmPassword = password.confirm;
  if (checkDisplayName(values.displayName)) errors.displayName = 'display_name_invalid';
  if (checkPhone(values.phone)) errors.phone = 'phone_invalid';
  return errors;
}

/** checkProfile checks the profile form as the server would. */
export function checkProfile(values: ProfileValues): FormErrors<keyof ProfileValues> {
  const errors: FormErrors<keyof ProfileValues> = {};
  if (checkDisplayName(values.displayName)) errors.displayName = 'display_name_invalid';
  if (checkMoodLine(values.moodLine)) errors.moodLine = 'mood_invalid';
  if (checkPhone(values.phone)) errors.phone = 'phone_invalid';
  return errors;
}

/** checkPasswordChange checks the change-password form (the new password against `username`). */
export function checkPasswordChange(
  values: PasswordChangeValues,
  username: string,
): FormErrors<keyof PasswordChangeValues> {
  const errors: FormErrors<keyof PasswordChangeValues> = {};
  if (values.oldPassword === '') errors.oldPassword = 'field_required';
  const password = newPasswordErrors(values.newPassword, values.confirmPassword, username);
  if (password.password) errors.newPassword = password.password;
  if (password.confirm) errors.confirmPassword = password.confirm;
  return errors;
}
