import { Icon } from './Icon';

/**
 * FormError is the alert line under a form for an error that belongs to no single field (the
 * server is down, the request was refused); it renders nothing when `message` is null.
 */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p className="form-error" role="alert">
      <Icon name="alert" size={16} />
      {message}
    </p>
  );
}
