import { avatarColor, initials } from '../meeting/initials';

/** Avatar is a coloured circle with a person's initials, shown when their camera is off. */
export function Avatar({ name, size }: { name: string; size: 'small' | 'large' }) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: avatarColor(name) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
