/**
 * AuthSubmit is the submit row of a sign-in or registration form: the large primary button
 * (marked busy while the request runs) and a polite live line that says it is running.
 */
export function AuthSubmit(props: {
  /** The translated button label. */
  label: string;
  busy: boolean;
  /** The translated text while busy. */
  busyText: string;
  /** Whether the button is disabled; by default, while busy. */
  disabled?: boolean;
}) {
  return (
    <>
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={props.disabled ?? props.busy}
        aria-busy={props.busy}
      >
        {props.label}
      </button>
      <p className="busy" aria-live="polite">
        {props.busy ? props.busyText : ''}
      </p>
    </>
  );
}
