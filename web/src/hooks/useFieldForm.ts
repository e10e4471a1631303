import { useRef, useState, type Dispatch, type SetStateAction } from 'react';

/** What a text input needs from {@link useFieldForm}: spread it onto a TextField. */
export interface FieldBinding {
  value: string;
  onChange(value: string): void;
  inputRef(input: HTMLInputElement | null): void;
  /** The translated error text, or null. */
  error: string | null;
}

/** The state of a form of text fields, as returned by {@link useFieldForm}. */
export interface FieldForm<V extends { [K in keyof V]: string }, E> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** The error of each field, if any. */
  errors: Partial<Record<keyof V, E>>;
  /** Shows these errors (and only these) and focuses the first field, in form order, with one. */
  showErrors(found: Partial<Record<keyof V, E>>): void;
  /**
   * The binding of a field: its value; a change handler that sets it, clears its error and runs
   * `onEdit`; the ref that lets {@link showErrors} focus it; and its translated error.
   */
  bind(field: keyof V): FieldBinding;
}

/**
 * useFieldForm holds the values and errors of a form of text fields, in the order `fields`
 * (which must not change), starting from `initial`. `describe` turns an error into its
 * translated text; `onEdit` runs whenever a field is edited (to clear a "saved" status).
 */
export function useFieldForm<V extends { [K in keyof V]: string }, E>(options: {
  fields: readonly (keyof V)[];
  initial: V | (() => V);
  describe(error: E): string;
  onEdit?(): void;
}): FieldForm<V, E> {
  const { fields, describe, onEdit } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, E>>>({});
  const inputs = useRef(new Map<keyof V, HTMLInputElement>());
  const refs = useRef(new Map<keyof V, (input: HTMLInputElement | null) => void>());

  const showErrors = (found: Partial<Record<keyof V, E>>) => {
    setErrors(found);
    const first = fields.find((f) => found[f] !== undefined);
    if (first !== undefined) inputs.current.get(first)?.focus();
  };

  const inputRef = (field: keyof V) => {
    let ref = refs.current.get(field);
    if (ref === undefined) {
      ref = (input) => {
        if (input) inputs.current.set(field, input);
        else inputs.current.delete(field);
      };
      refs.current.set(field, ref);
    }
    return ref;
  };

  const bind = (field: keyof V): FieldBinding => {
    const error = errors[field];
    return {
      value: values[field],
      onChange: (value) => {
        setValues((v) => ({ ...v, [field]: value }));
        setErrors((e) => ({ ...e, [field]: undefined }));
        onEdit?.();
      },
      inputRef: inputRef(field),
      error: error === undefined ? null : describe(error),
    };
  };

  return { values, setValues, errors, showErrors, bind };
}
