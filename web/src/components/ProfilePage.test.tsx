// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { describedBy, renderWithAccount, testAccount } from '../testing/accountTesting';
import { ADA, apiError, json, noContent, type FetchCall } from '../testing/fakeFetch';
import { ProfilePage } from './ProfilePage';

async function renderProfile(handler?: (call: FetchCall) => Response | undefined) {
  const account = await testAccount('signedIn', handler);
  renderWithAccount(<ProfilePage />, account.store);
  return account;
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function image(name: string, type: string, size = 2048): File {
  const file = new File([new Uint8Array(16)], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('ProfilePage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/profile');
    URL.createObjectURL = vi.fn(() => 'blob:preview-1');
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a signed-out visitor to sign in, coming back here afterwards', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(<ProfilePage />, store);
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(window.location.search).toBe('?next=%2Fprofile');
  });

  it('goes home after I sign out from its header', async () => {
    await renderProfile((call) => (call.method === 'DELETE' ? noContent() : undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Account: Ada Lovelace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('shows my details with a mood line counter', async () => {
    await renderProfile();
    expect(screen.getByRole('heading', { level: 1, name: 'Profile' })).toBeTruthy();
    expect(screen.getByText('Signed in as ada')).toBeTruthy();
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((screen.getByLabelText('Mood line') as HTMLInputElement).value).toBe('Analytical engines');
    expect((screen.getByLabelText('Phone (optional)') as HTMLInputElement).value).toBe('');
    expect(describedBy(screen.getByLabelText('Mood line'))).toBe('18 / 80');
    type('Mood line', '想'.repeat(81));
    expect(describedBy(screen.getByLabelText('Mood line'))).toBe('81 / 80');
  });

  it('refuses a mood line over 80 characters without sending', async () => {
    const { fetchFn } = await renderProfile();
    type('Mood line', 'x'.repeat(81));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(describedBy(screen.getByLabelText('Mood line'))).toContain(
      'The mood line can be at most 80 characters, without control characters.',
    );
    expect(fetchFn.calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('saves my details, and the header shows the new name', async () => {
    const { fetchFn } = await renderProfile((call) =>
      call.method === 'PATCH'
        ? json(200, { ...ADA, displayName: 'Countess Lovelace', moodLine: null, phone: '+8613800138000' })
        : undefined,
    );
    type('Display name', ' Countess Lovelace ');
    type('Mood line', '   ');
    type('Phone (optional)', '+86 138 0013 8000');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Profile saved.')).toBeTruthy());
    expect(fetchFn.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/me',
      body: { displayName: 'Countess Lovelace', moodLine: '', phone: '+86 138 0013 8000' },
    });
    expect(fetchFn.calls.at(-1)!.headers['X-Kaihui-Request']).toBe('1');
    expect(screen.getByRole('button', { name: 'Account: Countess Lovelace' })).toBeTruthy();
    expect((screen.getByLabelText('Phone (optional)') as HTMLInputElement).value).toBe('+8613800138000');
  });

  it('shows the server refusal on its field', async () => {
    await renderProfile((call) => (call.method === 'PATCH' ? apiError(400, 'phone_invalid') : undefined));
    type('Phone (optional)', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(describedBy(screen.getByLabelText('Phone (optional)'))).toContain('Enter a phone number'),
    );
  });

  it('uploads a chosen avatar with a progress bar', async () => {
    const { uploads } = await renderProfile();
    const upload = screen.getByRole('button', { name: 'Upload avatar' }) as HTMLButtonElement;
    expect(upload.disabled).toBe(true);
    const file = image('me.png', 'image/png');
    fireEvent.change(screen.getByLabelText('Choose image'), { target: { files: [file] } });
    expect(screen.getByRole('img', { name: 'Preview of the new avatar' }).getAttribute('src')).toBe('blob:preview-1');
    expect(upload.disabled).toBe(false);

    fireEvent.click(upload);
    const request = uploads[0]!;
    expect([request.method, request.url, request.body]).toEqual(['PUT', '/api/v1/me/avatar', file]);
    expect(request.headers).toMatchObject({ 'Content-Type': 'image/png', 'X-Kaihui-Request': '1' });
    const bar = screen.getByRole('progressbar', { name: 'Upload progress' });
    expect(bar.getAttribute('value')).toBe('0');
    act(() => request.progress(512, 2048));
    expect(bar.getAttribute('value')).toBe('25');

    await act(async () => request.respond(200, { ...ADA, avatarUrl: '/api/v1/users/7/avatar?v=2' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Avatar updated.')).toBeTruthy();
    expect(document.querySelector('.account-menu img')?.getAttribute('src')).toBe('/api/v1/users/7/avatar?v=2');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview-1');
  });

  it('takes a dropped image too', async () => {
    await renderProfile();
    const zone = screen.getByText(/Choose a file or drop it here/).parentElement!;
    fireEvent.drop(zone, { dataTransfer: { files: [image('me.gif', 'image/gif')] } });
    expect(screen.getByRole('img', { name: 'Preview of the new avatar' })).toBeTruthy();
  });

  it('refuses a file that is not an image or is over 5 MB, before sending', async () => {
    const { uploads } = await renderProfile();
    fireEvent.change(screen.getByLabelText('Choose image'), { target: { files: [image('notes.txt', 'text/plain')] } });
    expect(screen.getByRole('alert').textContent).toContain('This file is not an image the server can use.');
    fireEvent.change(screen.getByLabelText('Choose image'), {
      target: { files: [image('huge.jpg', 'image/jpeg', 5 * 1024 * 1024 + 1)] },
    });
    expect(screen.getByRole('alert').textContent).toContain('The image is larger than 5 MB.');
    expect((screen.getByRole('button', { name: 'Upload avatar' }) as HTMLButtonElement).disabled).toBe(true);
    expect(uploads).toEqual([]);
  });

  it('shows the server refusal of an avatar', async () => {
    const { uploads } = await renderProfile();
    fireEvent.change(screen.getByLabelText('Choose image'), { target: { files: [image('bomb.png', 'image/png')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload avatar' }));
    await act(async () => uploads[0]!.respond(400, { code: 'avatar_invalid', message: 'decompression bomb' }));
    expect(screen.getByRole('alert').textContent).toContain('This file is not an image the server can use.');
  });

  it('changes the password and says the other devices were signed out', async () => {
    const { fetchFn } = await renderProfile((call) => (call.url === '/api/v1/me/password' ? noContent() : undefined));
    const form = screen.getByRole('button', { name: 'Change password' }).closest('form')!;
    fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: 'old secret' } });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'Kangaroo-pouch' } });
    fireEvent.change(within(form).getByLabelText('Confirm password'), { target: { value: 'Kangaroo-pouch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(screen.getByText('Password changed. Your other devices were signed out.')).toBeTruthy(),
    );
    expect(fetchFn.calls.at(-1)).toMatchObject({
      method: 'PUT',
      url: '/api/v1/me/password',
      body: { oldPassword: 'old secret', newPassword: 'Kangaroo-pouch' },
    });
    expect((within(form).getByLabelText('New password') as HTMLInputElement).value).toBe('');
  });

  it('checks the new password, and says when the current one is wrong', async () => {
    const { fetchFn } = await renderProfile((call) =>
      call.url === '/api/v1/me/password' ? apiError(400, 'invalid_credentials') : undefined,
    );
    const form = screen.getByRole('button', { name: 'Change password' }).closest('form')!;
    const current = within(form).getByLabelText('Current password');
    fireEvent.change(current, { target: { value: 'old secret' } });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'Kangaroo-pouch' } });
    fireEvent.change(within(form).getByLabelText('Confirm password'), { target: { value: 'Kangaroo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(describedBy(within(form).getByLabelText('Confirm password'))).toBe('The passwords do not match.');
    expect(fetchFn.calls.filter((c) => c.method === 'PUT')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Confirm password'), { target: { value: 'Kangaroo-pouch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(describedBy(current)).toBe('The current password is wrong.'));
    expect((current as HTMLInputElement).value).toBe('');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(describedBy(current)).toBe('当前密码错误。');
    expect(screen.getByRole('button', { name: '修改密码' })).toBeTruthy();
    expect(screen.getByLabelText('当前密码')).toBe(current);
    expect(within(form).getByLabelText('新密码')).toBeTruthy();
  });

  it('goes to sign in when the server no longer knows the session', async () => {
    await renderProfile((call) => (call.method === 'PATCH' ? apiError(401, 'not_signed_in') : undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
  });
});
