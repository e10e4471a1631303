import { afterEach } from 'vitest';

// Component tests run in jsdom: unmount what each test rendered and forget what it stored.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
  });
}
