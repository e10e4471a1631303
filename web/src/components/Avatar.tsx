import { useState } from 'react';
import { avatarColor, initials } from '../meeting/initials';

/**
 * Avatar is a person's picture where their video is not shown: their uploaded avatar when
 * `url` is given and loads, else a coloured circle with their initials. Decorative: the name is
 * always shown or read next to it.
 */
export function Avatar({ name, size, url }: { name: string; size: 'small' | 'large'; url?: string | null }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (url && url !== failedUrl) {
    return (
      <img
        className={`avatar avatar--${size} avatar--image`}
        src={url}
        alt=""
        aria-hidden="true"
        onError={() => setFailedUrl(url)}
      />
    );
  }
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
