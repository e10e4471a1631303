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

const summary = {
  meetingNumber: '123456789', title: "Ada Lovelace's meeting", hostName: 'Ada Lovelace', allowGuests: false,
  participantCount: 0, startedAtMs: 1, youAreHost: true,
};

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

  it('creates a new meeting with the title and guest setting, and opens it', async () => {
    const { store } = await testAccount('signedIn');
    const fetchFn = vi.fn<Fetch>(async (url) =>
      url.startsWith('/api/v1/meetings/history') ? json(200, []) : json(201, { ...summary, meetingNumber: '555666777' }),
    );
    renderWithAccount(<StartPage fetchFn={fetchFn} />, store);
    const title = screen.getByRole('textbox', { name: 'Meeting title' }) as HTMLInputElement;
    expect(title.placeholder).toBe("Ada Lovelace's meeting");
    fireEvent.change(title, { target: { value: '  Weekly sync ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow guests to join by link' }));
    fireEvent.click(screen.getByRole('button', { name: 'New meeting' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/555666777'));
    const post = fetchFn.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe('/api/v1/meetings');
    expect(JSON.parse(post[1]!.body as string)).toEqual({ title: 'Weekly sync', allowGuests: true });
  });

  it('sends the default title in my language, guests not allowed unless ticked', async () => {
    const { store } = await testAccount('signedIn');
    const fetchFn = vi.fn<Fetch>(async (url) =>
      url.startsWith('/api/v1/meetings/history') ? json(200, []) : json(201, summary),
    );
    renderWithAccount(<StartPage fetchFn={fetchFn} />, store);
    fireEvent.click(screen.getByRole('button', { name: 'New meeting' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/123456789'));
    const post = fetchFn.mock.calls.find(([, init]) => init?.method === 'POST')!;
    const body = JSON.parse(post[1]!.body as string);
    expect(body.allowGuests).toBe(false);
    expect(body.title).toMatch(/'s meeting$/);
  });

  it('reports an unreachable server', async () => {
    const { store } = await testAccount('signedIn');
    const fetchFn = vi.fn<Fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderWithAccount(<StartPage fetchFn={fetchFn} />, store);
    fireEvent.click(screen.getByRole('button', { name: 'New meeting' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent).join()).toContain('Cannot reach the server'),
    );
  });

  it('signed out: asks to sign in or register instead of "New meeting", and lets me join as a guest', async () => {
    const { store } = await testAccount('signedOut');
    const fetchFn = vi.fn<Fetch>();
    renderWithAccount(<StartPage fetchFn={fetchFn} />, store);
    expect(screen.queryByRole('button', { name: 'New meeting' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Meeting title' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Start your own meeting' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in to start a meeting' }).getAttribute('href')).toBe('/login');
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe('/register');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(screen.getByRole('link', { name: 'Register' }).getAttribute('href')).toBe('/register');
    expect(screen.getByRole('button', { name: 'Join' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recent meetings' })).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('link', { name: '登录后发起会议' })).toBeTruthy();
  });

  it('remembers the display name of a guest', async () => {
    const { store } = await testAccount('signedOut');
    const { unmount } = renderWithAccount(<StartPage fetchFn={vi.fn()} />, store);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Ada' } });
    unmount();
    renderWithAccount(<StartPage fetchFn={vi.fn()} />, store);
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Ada');
  });

  it('signed in: shows me in the header and no guest name field', async () => {
    const { store } = await testAccount('signedIn');
    renderWithAccount(<StartPage fetchFn={vi.fn<Fetch>(async () => json(200, []))} />, store);
    expect(screen.getByRole('button', { name: 'Account: Ada Lovelace' })).toBeTruthy();
    expect(screen.queryByLabelText('Display name')).toBeNull();
    expect(await screen.findByText('No meetings yet. The meetings you host or join show up here.')).toBeTruthy();
  });
});
