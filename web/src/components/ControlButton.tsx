import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** The props of a ControlButton. */
export interface ControlButtonProps {
  icon: IconName;
  /** The visible text, which is also the accessible name. */
  label: string;
  onClick(): void;
  /** `off` marks a device that is off (red icon), `danger` the leave button. */
  variant?: 'default' | 'off' | 'danger';
  /** A round icon-only button; the label stays for assistive technology. */
  compact?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  /** Extra decoration after the label (a count), hidden from the accessible name. */
  badge?: ReactNode;
}

/** ControlButton is a meeting control: an icon with its label under it, or a round icon button. */
export function ControlButton(props: ControlButtonProps) {
  const { icon, label, onClick, variant = 'default', compact = false } = props;
  return (
    <button
      type="button"
      className={`control control--${variant}${compact ? ' control--compact' : ''}`}
      onClick={onClick}
      disabled={props.disabled}
      aria-expanded={props.expanded}
      aria-controls={props.controls}
      title={compact ? label : undefined}
    >
      <span className="control__icon">
        <Icon name={icon} size={compact ? 22 : 24} />
      </span>
      <span className={compact ? 'visually-hidden' : 'control__label'}>{label}</span>
      {props.badge !== undefined && (
        <span className="control__badge" aria-hidden="true">
          {props.badge}
        </span>
      )}
    </button>
  );
}
