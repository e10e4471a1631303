// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { PresenceContext } from '../presence/PresenceContext';
import type { PresenceDisplay } from '../presence/presenceDisplay';
import { PresenceIndicator } from './PresenceIndicator';

function renderWith(presence: PresenceDisplay | null) {
  return render(
    <PresenceContext value={presence}>
      <PresenceIndicator />
    </PresenceContext>,
  );
}

describe('PresenceIndicator', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('names each presence, in both languages', async () => {
    const names: Record<PresenceDisplay, [string, string]> = {
      online: ['Presence: Online', '状态：在线'],
      in_meeting: ['Presence: In a meeting', '状态：会议中'],
      away: ['Presence: Away', '状态：离开'],
      offline: ['Presence: Offline', '状态：离线'],
      reconnecting: ['Presence: Reconnecting…', '状态：正在重新连接…'],
    };
    for (const [presence, [en, zh]] of Object.entries(names) as [PresenceDisplay, [string, string]][]) {
      const { unmount } = renderWith(presence);
      await act(() => i18n.changeLanguage('en'));
      const indicator = screen.getByRole('img', { name: en });
      expect(indicator.dataset.presence).toBe(presence);
      await act(() => i18n.changeLanguage('zh-CN'));
      expect(screen.getByRole('img', { name: zh })).toBe(indicator);
      unmount();
    }
  });

  it('shows nothing without an app connection', () => {
    const { container } = renderWith(null);
    expect(container.innerHTML).toBe('');
  });
});
