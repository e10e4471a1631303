// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from '../api/meetingsApi';
import i18n from '../i18n/i18n';
import { renderWithAccount, testAccount } from '../testing/accountTesting';
import { StartPage } from './StartPage';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('StartPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/');
  });

  it('groups the meeting number by three while typing', () => {
    render(<StartPage fetchFn={vi.fn()} />);
    const field = screen.getByLabelText('Meeting number') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '1234' } });
    expect(field.value).toBe('123 4');
    fireEvent.change(field, { target: { value: '123 456 7890' } });
    expect(field.value).toBe('123 456 789');
  });

  it('asks for nine digits before looking the meeting up', () => {
    const fetchFn = vi.fn<Fetch>();
    render(<StartPage fetchFn={fetchFn} />);
    fireEvent.change(screen.getByLabelText('Meeting number'), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toContain('Enter the 9-digit meeting number.');
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('says so, translated, when the meeting does not exist', async () => {
    const fetchFn = vi.fn<Fetch>(async () => json(404, { code: 'meeting_not_found', message: 'x' }));
    render(<StartPage fetchFn={fetchFn} />);
    fireEvent.change(screen.getByLabelText('Meeting number'), { target: { value: '999 999 999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toContain('There is no meeting with this number');
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings/999999999', expect.anything());
    expect(window.location.pathname).toBe('/');

    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('alert').textContent).toContain('会议不存在');
  });

  it('opens an existing meeting', async () => {
    const fetchFn = vi.fn<Fetch>(async () => json(200, { meetingNumber: '123456789', participantCount: 1 }));
    render(<StartPage fetchFn={fetchFn} />);
    fireEvent.change(screen.getByLabelText('Meeting number'), { target: { value: '123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/123456789'));
  });

  it('creates a new meeting and opens it', async () => {
    const fetchFn = vi.fn<Fetch>(async () => json(201, { meetingNumber: '555666777' }));
    render(<StartPage fetchFn={fetchFn} />);
    fireEvent.click(screen.getByRole('button', { name: 'New meeting' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/555666777'));
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings', expect.objectContaining({ method: 'POST' }));
  });

  it('reports an unreachable server', async () => {
    const fetchFn = vi.fn<Fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    render(<StartPage fetchFn={fetchFn} />);
    fireEvent.click(screen.getByRole('button', { name: 'New meeting' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the server');
  });

  it('remembers the display name', () => {
    const { unmount } = render(<StartPage fetchFn={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Ada' } });
    unmount();
    render(<StartPage fetchFn={vi.fn()} />);
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Ada');
  });

  it('takes the display name from my account, and keeps what I type', async () => {
    window.localStorage.setItem('kaihui.displayName', 'Guest name');
    const { store } = await testAccount('loading', (call) =>
      call.url === '/api/v1/me' ? json(200, { userId: 7, username: 'ada', displayName: 'Ada Lovelace' }) : undefined,
    );
    renderWithAccount(<StartPage fetchFn={vi.fn()} />, store);
    const field = screen.getByLabelText('Display name') as HTMLInputElement;
    expect(field.value).toBe('Guest name');
    await act(() => store.load());
    expect(field.value).toBe('Ada Lovelace');
    expect(screen.getByRole('button', { name: 'Account: Ada Lovelace' })).toBeTruthy();
    fireEvent.change(field, { target: { value: 'Ada' } });
    await act(async () => store.setAccount({ ...store.account!, displayName: 'Countess' }));
    expect(field.value).toBe('Ada');
  });

  it('offers sign-in and registration in the header when signed out', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(<StartPage fetchFn={vi.fn()} />, store);
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(screen.getByRole('link', { name: 'Register' }).getAttribute('href')).toBe('/register');
  });
});
