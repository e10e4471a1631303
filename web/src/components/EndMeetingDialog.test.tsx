// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { EndMeetingDialog } from './EndMeetingDialog';

describe('EndMeetingDialog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is a modal dialog that starts on Cancel and closes with Escape', () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    render(<EndMeetingDialog busy={false} error={null} onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('dialog', { name: 'End the meeting for everyone?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'End meeting' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('cannot confirm twice while ending', () => {
    render(<EndMeetingDialog busy error={null} onConfirm={vi.fn()} onCancel={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'End meeting' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Ending the meeting…')).toBeTruthy();
  });
});
