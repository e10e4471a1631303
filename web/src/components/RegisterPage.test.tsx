// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { describedBy, renderWithAccount, testAccount } from '../testing/accountTesting';
import { ADA, apiError, json, type FetchCall } from '../testing/fakeFetch';
import { RegisterPage } from './RegisterPage';

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillGood() {
  type('Username', 'ada');
  type('Password', 'Kangaroo-pouch');
  type('Confirm password', 'Kangaroo-pouch');
  type('Display name', 'Ada Lovelace');
}

async function renderRegister(handler?: (call: FetchCall) => Response | undefined) {
  const account = await testAccount('signedOut', handler);
  renderWithAccount(<RegisterPage />, account.store);
  return account;
}

describe('RegisterPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/register?next=%2Fm%2F123456789');
  });

  it('shows the username and password rules with the fields', async () => {
    await renderRegister();
    expect(describedBy(screen.getByLabelText('Username'))).toBe(
      '3 to 32 letters, digits or underscores; you sign in with it.',
    );
    expect(describedBy(screen.getByLabelText('Password'))).toContain(
      'At least 8 characters, not your username and not a common password.',
    );
    expect(screen.getByLabelText('Phone (optional)')).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('hints at the strength of the password while typing', async () => {
    await renderRegister();
    type('Username', 'ada');
    type('Password', 'password');
    const meter = screen.getByRole('meter', { name: 'Password strength' });
    expect(meter.getAttribute('aria-valuetext')).toBe('weak');
    expect(describedBy(screen.getByLabelText('Password'))).toContain('Password strength: weak');
    type('Password', 'Kangaroo-pouch');
    expect(screen.getByRole('meter', { name: 'Password strength' }).getAttribute('aria-valuetext')).toBe('strong');
  });

  it('shows every broken rule on its field, translated, without sending', async () => {
    const { fetchFn } = await renderRegister();
    type('Username', 'ada lovelace');
    type('Password', 'short');
    type('Confirm password', 'shorter');
    type('Display name', '   ');
    type('Phone (optional)', '12345');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(describedBy(screen.getByLabelText('Username'))).toContain(
      'A username is 3 to 32 letters, digits or underscores.',
    );
    expect(describedBy(screen.getByLabelText('Password'))).toContain('The password needs at least 8 characters.');
    expect(describedBy(screen.getByLabelText('Confirm password'))).toBe('The passwords do not match.');
    expect(describedBy(screen.getByLabelText('Display name'))).toContain('Enter a display name of 1 to 64 characters');
    expect(describedBy(screen.getByLabelText('Phone (optional)'))).toContain('Enter a phone number of 6 to 15 digits');
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    expect(fetchFn.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await act(() => i18n.changeLanguage('zh-CN'));
    expect(describedBy(screen.getByLabelText('确认密码'))).toBe('两次输入的密码不一致。');
    expect(describedBy(screen.getByLabelText('手机号（选填）'))).toContain('请输入 6 到 15 位数字的手机号');
    expect(screen.getByRole('button', { name: '创建账号' })).toBeTruthy();
  });

  it('the password may not be the username', async () => {
    await renderRegister();
    type('Username', 'adalovelace');
    type('Password', 'AdaLovelace');
    type('Confirm password', 'AdaLovelace');
    type('Display name', 'Ada');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(describedBy(screen.getByLabelText('Password'))).toContain('The password must not be your username.');
  });

  it('puts the server verdict on its field', async () => {
    await renderRegister((call) => (call.method === 'POST' ? apiError(409, 'username_taken') : undefined));
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(describedBy(screen.getByLabelText('Username'))).toContain('This username is taken. Choose another one.'),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    type('Username', 'ada2');
    expect(describedBy(screen.getByLabelText('Username'))).not.toContain('taken');
  });

  it('shows the password rules the server applies (a common password)', async () => {
    await renderRegister((call) => (call.method === 'POST' ? apiError(400, 'password_too_common') : undefined));
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(describedBy(screen.getByLabelText('Password'))).toContain('This password is too common.'),
    );
  });

  it('shows a form-wide error for anything else', async () => {
    await renderRegister((call) => (call.method === 'POST' ? apiError(403, 'csrf_rejected') : undefined));
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server refused the request.');
  });

  it('registers, signed in at once, and goes back where I came from', async () => {
    const { fetchFn, store } = await renderRegister((call) => (call.method === 'POST' ? json(201, ADA) : undefined));
    fillGood();
    type('Phone (optional)', ' +86 138 0013 8000 ');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/123456789'));
    expect(fetchFn.calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/accounts',
      body: { username: 'ada', password: 'Kangaroo-pouch', displayName: 'Ada Lovelace', phone: '+86 138 0013 8000' },
    });
    expect(store.account).toEqual(ADA);
  });

  it('links to sign-in, keeping where to return', async () => {
    await renderRegister();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/login?next=%2Fm%2F123456789',
    );
  });
});
