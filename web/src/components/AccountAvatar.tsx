import { useState } from 'react';
import type { Account } from '../api/accountApi';
import { avatarColor, initials } from '../meeting/initials';

/**
 * AccountAvatar is a person's picture: their uploaded avatar, or (without one, or while it
 * cannot be loaded) a coloured circle with their initials. Decorative: the name is always shown
 * or read next to it.
 */
export function AccountAvatar({
  account,
  size,
}: {
  account: Pick<Account, 'displayName' | 'avatarUrl'>;
  size: 'small' | 'large';
}) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const className = `account-avatar account-avatar--${size}`;
  if (account.avatarUrl !== null && account.avatarUrl !== failedUrl) {
    return (
      <img
        className={className}
        src={account.avatarUrl}
        alt=""
        aria-hidden="true"
        onError={() => setFailedUrl(account.avatarUrl)}
      />
    );
  }
  return (
    <span className={className} style={{ backgroundColor: avatarColor(account.displayName) }} aria-hidden="true">
      {initials(account.displayName)}
    </span>
  );
}
