// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { describedBy, renderWithAccount, testAccount } from '../testing/accountTesting';
import { ADA, apiError, json } from '../testing/fakeFetch';
import { SignInPage } from './SignInPage';

function fill(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
}

describe('SignInPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/login?next=%2Fm%2F123456789');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for the username and the password before sending', async () => {
    const { store, fetchFn } = await testAccount('signedOut');
    renderWithAccount(<SignInPage />, store);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const username = screen.getByLabelText('Username');
    expect(describedBy(username)).toBe('This field is required.');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(screen.getByLabelText('Password'))).toBe('This field is required.');
    expect(document.activeElement).toBe(username);
    expect(fetchFn.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('signs in, remembered if asked, and goes back where I came from', async () => {
    const { store, fetchFn } = await testAccount('signedOut', (call) =>
      call.url === '/api/v1/session' ? json(200, ADA) : undefined,
    );
    renderWithAccount(<SignInPage />, store);
    fill(' ada ', 'correct horse');
    const remember = screen.getByRole('checkbox', { name: 'Remember me' }) as HTMLInputElement;
    expect(remember.checked).toBe(false);
    fireEvent.click(remember);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/123456789'));
    expect(fetchFn.calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/session',
      body: { username: 'ada', password: 'correct horse', rememberMe: true },
    });
    expect(fetchFn.calls.at(-1)!.headers['X-Kaihui-Request']).toBe('1');
    expect(store.account).toEqual(ADA);
  });

  it('goes home after signing in without a place to return to', async () => {
    window.history.pushState(null, '', '/login?next=https%3A%2F%2Fevil.example');
    const { store } = await testAccount('signedOut', (call) => (call.method === 'POST' ? json(200, ADA) : undefined));
    renderWithAccount(<SignInPage />, store);
    fill('ada', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('says, translated, when the username or password is wrong', async () => {
    const { store } = await testAccount('signedOut', (call) =>
      call.method === 'POST' ? apiError(401, 'invalid_credentials') : undefined,
    );
    renderWithAccount(<SignInPage />, store);
    fill('ada', 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(window.location.pathname).toBe('/login');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('alert').textContent).toBe('用户名或密码错误。');
  });

  it('counts down after too many attempts, then lets me try again', async () => {
    vi.useFakeTimers();
    const { store } = await testAccount('signedOut', (call) =>
      call.method === 'POST' ? apiError(429, 'too_many_attempts', { 'Retry-After': '3' }) : undefined,
    );
    renderWithAccount(<SignInPage />, store);
    fill('ada', 'guess');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(screen.getByRole('alert').textContent).toBe('Too many attempts, try again in 3 s');
    expect(button.disabled).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByRole('alert').textContent).toBe('Too many attempts, try again in 2 s');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('alert').textContent).toBe('尝试次数过多，请在 2 秒后重试');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(button.disabled).toBe(false);
  });

  it('explains a sign-out forced by the server', async () => {
    const { store } = await testAccount('signedIn');
    store.signedOutBy('signed_in_elsewhere');
    renderWithAccount(<SignInPage />, store);
    expect(screen.getByRole('alert').textContent).toBe(
      'You were signed out because this account signed in elsewhere',
    );
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('alert').textContent).toBe('您的账号在其他地方登录，您已被登出');
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '记住我' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('links to registration, keeping where to return', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(<SignInPage />, store);
    const link = screen.getByRole('link', { name: 'Register' });
    expect(link.getAttribute('href')).toBe('/register?next=%2Fm%2F123456789');
    fireEvent.click(link);
    expect(window.location.pathname).toBe('/register');
    expect(window.location.search).toBe('?next=%2Fm%2F123456789');
  });

  it('leaves at once when already signed in', async () => {
    const { store } = await testAccount('signedIn');
    renderWithAccount(<SignInPage />, store);
    await waitFor(() => expect(window.location.pathname).toBe('/m/123456789'));
  });
});
