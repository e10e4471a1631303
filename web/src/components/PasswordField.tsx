import type { ReactNode, Ref } from 'react';
import { TextField } from './TextField';

/**
 * PasswordField is a required password input: a {@link TextField} of type password with the
 * given autocomplete purpose (`current-password` or `new-password`).
 */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  inputRef?: Ref<HTMLInputElement>;
  /** A line under the input (the strength meter). */
  hint?: ReactNode;
  /** The translated error text, or null. */
  error: string | null;
}) {
  return (
    <TextField
      label={props.label}
      type="password"
      value={props.value}
      onChange={props.onChange}
      autoComplete={props.autoComplete}
      required
      inputRef={props.inputRef}
      hint={props.hint}
      error={props.error}
    />
  );
}
