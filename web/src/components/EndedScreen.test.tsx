// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { EndedScreen } from './EndedScreen';

describe('EndedScreen', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says who ended the meeting for everyone, and goes back to the start page', async () => {
    const onHome = vi.fn();
    render(<EndedScreen meetingNumber="123456789" by="Bob" onHome={onHome} />);
    const status = screen.getByRole('status');
    expect(status.dataset.state).toBe('ended');
    expect(within(status).getByRole('heading', { name: 'Meeting ended' })).toBeTruthy();
    expect(status.textContent).toContain('Bob ended the meeting for everyone');
    expect(status.textContent).toContain('Meeting 123 456 789');
    expect(screen.queryByRole('button', { name: 'Rejoin' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the start page' }));
    expect(onHome).toHaveBeenCalled();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('heading', { name: '会议已结束' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Bob 已为所有人结束会议');
  });
});
