// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { renderWithAccount, testAccount } from '../testing/accountTesting';
import { ADA, noContent } from '../testing/fakeFetch';
import { AccountMenu } from './AccountMenu';

describe('AccountMenu', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/m/123456789');
  });

  it('shows nothing while it does not know who is signed in', async () => {
    const { store } = await testAccount('loading');
    renderWithAccount(<AccountMenu />, store);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers sign-in and registration, coming back to this page', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(<AccountMenu />, store);
    expect(screen.getByRole('link', { name: 'Register' }).getAttribute('href')).toBe(
      '/register?next=%2Fm%2F123456789',
    );
    fireEvent.click(screen.getByRole('link', { name: 'Sign in' }));
    expect(window.location.pathname).toBe('/login');
    expect(window.location.search).toBe('?next=%2Fm%2F123456789');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('link', { name: '登录' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '注册' })).toBeTruthy();
  });

  it('shows my initials and name, with a menu of Profile and Sign out', async () => {
    const { store, fetchFn } = await testAccount('signedIn', (call) => (call.method === 'DELETE' ? noContent() : undefined));
    renderWithAccount(<AccountMenu />, store);
    const trigger = screen.getByRole('button', { name: 'Account: Ada Lovelace' });
    expect(trigger.textContent).toBe('ALAda Lovelace');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link', { name: 'Profile' })).toBeNull();

    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'Profile' }).getAttribute('href')).toBe('/profile');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('link', { name: 'Profile' })).toBeNull();
    expect(document.activeElement).toBe(trigger);

    fireEvent.click(trigger);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(fetchFn.calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/v1/session' });
    expect(store.state).toEqual({ status: 'signedOut', cause: 'user' });
  });

  it('opens my profile', async () => {
    const { store } = await testAccount('signedIn');
    renderWithAccount(<AccountMenu />, store);
    fireEvent.click(screen.getByRole('button', { name: 'Account: Ada Lovelace' }));
    fireEvent.click(screen.getByRole('link', { name: 'Profile' }));
    expect(window.location.pathname).toBe('/profile');
  });

  it('shows my avatar image when I have one', async () => {
    const { store } = await testAccount('signedIn', undefined, { ...ADA, avatarUrl: '/api/v1/users/7/avatar?v=1' });
    renderWithAccount(<AccountMenu />, store);
    const img = document.querySelector('.account-menu__trigger img');
    expect(img?.getAttribute('src')).toBe('/api/v1/users/7/avatar?v=1');
    fireEvent.error(img!);
    expect(screen.getByRole('button', { name: 'Account: Ada Lovelace' }).textContent).toBe('ALAda Lovelace');
  });

  it('says when signing out failed', async () => {
    const { store } = await testAccount('signedIn', (call) => {
      if (call.method === 'DELETE') throw new TypeError('offline');
      return undefined;
    });
    renderWithAccount(<AccountMenu />, store);
    fireEvent.click(screen.getByRole('button', { name: 'Account: Ada Lovelace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Cannot reach the server'));
    expect(store.account).toEqual(ADA);
  });

  it('names everything in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    const { store } = await testAccount('signedIn');
    renderWithAccount(<AccountMenu />, store);
    fireEvent.click(screen.getByRole('button', { name: '账号：Ada Lovelace' }));
    expect(screen.getByRole('link', { name: '个人资料' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy();
  });
});
