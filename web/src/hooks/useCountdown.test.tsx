// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { secondsLeft, useCountdown } from './useCountdown';

function Probe({ from }: { from: number }) {
  const countdown = useCountdown();
  return (
    <button type="button" onClick={() => countdown.start(from)}>
      {countdown.seconds}
    </button>
  );
}

describe('useCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rounds the time left up to whole seconds', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });

  it('counts down second by second to 0', async () => {
    render(<Probe from={3} />);
    const button = screen.getByRole('button');
    expect(button.textContent).toBe('0');
    act(() => button.click());
    expect(button.textContent).toBe('3');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button.textContent).toBe('2');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button.textContent).toBe('1');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button.textContent).toBe('0');
    expect(vi.getTimerCount()).toBe(0);
  });
});
