import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { navigate } from '../navigation';

/**
 * AppLink is a link to another screen of the client: a plain click changes the path without
 * reloading the page; a modified or middle click opens it as the browser would.
 */
export function AppLink({
  href,
  children,
  onNavigate,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ReactNode; onNavigate?(): void }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented) return;
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onNavigate?.();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
