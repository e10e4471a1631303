import type { ReactNode } from 'react';

/**
 * BusyButton is a button whose action runs a request: while `busy` it is disabled (no second
 * request) and marked `aria-busy` (screen readers hear that it is working).
 */
export function BusyButton(props: { className: string; busy: boolean; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={props.className}
      onClick={props.onClick}
      disabled={props.busy}
      aria-busy={props.busy}
    >
      {props.children}
    </button>
  );
}
