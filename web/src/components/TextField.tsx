import { useId, type ReactNode, type Ref } from 'react';

/**
 * TextField is a labelled text input with an optional hint and an inline error; the input is
 * described by both (screen readers read them with it) and marked invalid with an error.
 */
export function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric';
  placeholder?: string;
  maxLength?: number;
  required?: boolean;
  /** A line under the input (rules, a counter, a strength meter). */
  hint?: ReactNode;
  /** The translated error text, or null. */
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  /** Runs when the input loses focus (to check the value then). */
  onBlur?(): void;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const error = props.error ?? null;
  const describedBy = [props.hint !== undefined ? hintId : null, error !== null ? errorId : null]
    .filter((x) => x !== null)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        aria-required={props.required || undefined}
        spellCheck={props.type === 'password' ? false : undefined}
        value={props.value}
        aria-invalid={error !== null}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {props.hint !== undefined && (
        <div id={hintId} className="field__hint">
          {props.hint}
        </div>
      )}
      {error !== null && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
