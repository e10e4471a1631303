/** The event the app listens to for path changes (the browser fires it on back and forward). */
const CHANGE_EVENT = 'popstate';

/** navigate shows another path without reloading the page (SPA routing by pathname). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, '', path);
  } else {
    window.history.pushState(null, '', path);
  }
  window.dispatchEvent(new PopStateEvent(CHANGE_EVENT));
}

/** subscribeToPath calls `onChange` whenever the path changes; returns the unsubscribe function. */
export function subscribeToPath(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}
