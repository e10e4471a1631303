/**
 * ProfileActions is the submit row of a profile-page form: the primary button (disabled and
 * marked busy while saving) and a status line that says what is happening or what was done.
 */
export function ProfileActions(props: {
  /** The translated button label. */
  label: string;
  busy: boolean;
  /** The translated status while busy. */
  busyText: string;
  /** The translated status once done, or '' before. */
  doneText: string;
}) {
  return (
    <div className="profile__actions">
      <button type="submit" className="button button--primary" disabled={props.busy} aria-busy={props.busy}>
        {props.label}
      </button>
      <p className="form-success" role="status">
        {props.busy ? props.busyText : props.doneText}
      </p>
    </div>
  );
}
