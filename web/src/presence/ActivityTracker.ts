/** How long without any activity before a page counts as away, in ms (10 minutes). */
export const AWAY_AFTER_MS = 10 * 60_000;

/** The document events that mean someone is using the page. */
const DOCUMENT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * ActivityTracker tells whether anybody has used the page lately: pointer, keys, wheel, touch,
 * the window getting the focus or the page coming back into view each count as activity; with
 * none for {@link AWAY_AFTER_MS} the page is away (the `away` of `ping`, docs/protocol.md).
 * The clock is injected so that tests can move time.
 */
export class ActivityTracker {
  private last: number;

  /**
   * @param now the clock, in ms
   * @param awayAfterMs how long without activity makes the page away, in ms
   */
  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly awayAfterMs: number = AWAY_AFTER_MS,
  ) {
    this.last = now();
  }

  /** touch records activity now. */
  touch(): void {
    this.last = this.now();
  }

  /** isAway tells whether nobody has used the page for {@link AWAY_AFTER_MS} or more. */
  get isAway(): boolean {
    return this.now() - this.last >= this.awayAfterMs;
  }

  /**
   * attach listens for activity on `doc` and `win` (passive listeners that only note the time);
   * returns the function that stops listening.
   */
  attach(doc: Document = document, win: Window = window): () => void {
    const onActivity = () => this.touch();
    const onVisibility = () => {
      if (doc.visibilityState === 'visible') this.touch();
    };
    const options = { passive: true, capture: true } as const;
    for (const type of DOCUMENT_EVENTS) doc.addEventListener(type, onActivity, options);
    doc.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('focus', onActivity);
    return () => {
      for (const type of DOCUMENT_EVENTS) doc.removeEventListener(type, onActivity, options);
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('focus', onActivity);
    };
  }
}
