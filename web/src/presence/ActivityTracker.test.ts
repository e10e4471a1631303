// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityTracker, AWAY_AFTER_MS } from './ActivityTracker';

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('ActivityTracker', () => {
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('is away after 10 minutes without activity, and back with any', () => {
    const clock = { now: 1_000 };
    const tracker = new ActivityTracker(() => clock.now);
    expect(AWAY_AFTER_MS).toBe(600_000);
    clock.now += AWAY_AFTER_MS - 1;
    expect(tracker.isAway).toBe(false);
    clock.now += 1;
    expect(tracker.isAway).toBe(true);
    tracker.touch();
    expect(tracker.isAway).toBe(false);
  });

  it('counts pointer, keys, focus and the page coming into view as activity, until detached', () => {
    const clock = { now: 0 };
    const tracker = new ActivityTracker(() => clock.now, 100);
    const detach = tracker.attach();
    const events: Array<() => void> = [
      () => document.dispatchEvent(new Event('pointermove')),
      () => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' })),
      () => document.dispatchEvent(new Event('pointerdown')),
      () => window.dispatchEvent(new Event('focus')),
      () => setVisibility('visible'),
    ];
    for (const fire of events) {
      clock.now += 100;
      expect(tracker.isAway).toBe(true);
      fire();
      expect(tracker.isAway).toBe(false);
    }
    clock.now += 100;
    setVisibility('hidden');
    expect(tracker.isAway).toBe(true);
    detach();
    document.dispatchEvent(new Event('pointermove'));
    expect(tracker.isAway).toBe(true);
  });
});
