// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from '../api/meetingsApi';
import i18n from '../i18n/i18n';
import { renderWithAccount, testAccount } from '../testing/accountTesting';
import { LocalMedia, type UserMediaSource } from '../media/LocalMedia';
import { PreJoinScreen } from './PreJoinScreen';

function track(kind: string) {
  return {
    kind,
    enabled: true,
    muted: false,
    readyState: 'live',
    stop() {},
    getSettings: () => ({ deviceId: `${kind}-1` }),
    addEventListener() {},
    removeEventListener() {},
  } as unknown as MediaStreamTrack;
}

function source(failure?: string): UserMediaSource {
  return {
    getUserMedia: async (constraints) => {
      if (failure) throw new DOMException('no', failure);
      const tracks = [constraints?.audio && track('audio'), constraints?.video && track('video')];
      return { getTracks: () => tracks.filter(Boolean) } as unknown as MediaStream;
    },
  };
}

const summary = {
  meetingNumber: '123456789', title: 'Weekly sync', hostName: 'Bob', allowGuests: true,
  participantCount: 2, startedAtMs: 1, youAreHost: false,
};

function answering(body: object): Fetch {
  return async () => new Response(JSON.stringify(body), { status: 200 });
}

const found: Fetch = answering(summary);

async function renderPreJoin(media: LocalMedia, fetchFn: Fetch = found) {
  const onJoin = vi.fn();
  render(<PreJoinScreen meetingNumber="123456789" media={media} onJoin={onJoin} fetchFn={fetchFn} />);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return onJoin;
}

describe('PreJoinScreen', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('offers the device pickers, the level meter and who is in the meeting', async () => {
    await renderPreJoin(new LocalMedia(source()));
    for (const name of ['Camera', 'Microphone', 'Speaker']) {
      expect(screen.getByRole('combobox', { name })).toBeTruthy();
    }
    const meter = screen.getByRole('meter', { name: 'Microphone level' });
    expect(meter.getAttribute('aria-valuenow')).toBe('0');
    expect(meter.getAttribute('aria-valuemax')).toBe('100');
    expect(screen.getByText('In the meeting now: 2')).toBeTruthy();
    expect(screen.getByText('Meeting 123 456 789')).toBeTruthy();
    expect(screen.getByText('Weekly sync')).toBeTruthy();
    expect(screen.getByText('Hosted by Bob')).toBeTruthy();
  });

  it('needs a display name, then joins with my choices', async () => {
    const onJoin = await renderPreJoin(new LocalMedia(source()));
    fireEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your name.');
    expect(onJoin).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: '  Ada  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Unmute' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    });
    expect(onJoin).toHaveBeenCalledWith(
      expect.objectContaining({ displayName: 'Ada', audioMuted: true, cameraOn: true }),
    );
    expect(window.localStorage.getItem('kaihui.displayName')).toBe('Ada');
  });

  it('joins with the camera off when I turn it off', async () => {
    const media = new LocalMedia(source());
    const onJoin = await renderPreJoin(media);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Ada' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Turn camera off' }));
    });
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
    expect(screen.getByText('Camera is off')).toBeTruthy();
    expect(media.state.videoTrack).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    });
    expect(onJoin).toHaveBeenCalledWith(expect.objectContaining({ cameraOn: false, audioMuted: false }));
  });

  it('says why camera and microphone are missing, and still lets me join', async () => {
    const onJoin = await renderPreJoin(new LocalMedia(source('NotAllowedError')));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain('Camera blocked: allow it in the browser’s address bar, or join without video.');
    expect(alerts).toContain(
      'Microphone blocked: allow it in the browser’s address bar, or join without audio.',
    );
    expect((screen.getByRole('button', { name: 'Unmute' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Ada' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    });
    expect(onJoin).toHaveBeenCalledWith(expect.objectContaining({ audioMuted: true, cameraOn: false }));
  });

  it('warns when the meeting does not exist', async () => {
    const missing: Fetch = async () =>
      new Response(JSON.stringify({ code: 'meeting_not_found', message: 'x' }), { status: 404 });
    await renderPreJoin(new LocalMedia(source()), missing);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('There is no meeting with this number'),
    );
  });

  it('takes the display name from my account and shows me in the header', async () => {
    window.localStorage.setItem('kaihui.displayName', 'Guest name');
    const { store } = await testAccount('signedIn');
    const onJoin = vi.fn();
    renderWithAccount(
      <PreJoinScreen meetingNumber="123456789" media={new LocalMedia(source())} onJoin={onJoin} fetchFn={found} />,
      store,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByLabelText('Display name')).toBeNull();
    expect(screen.getByText('You join as Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Account: Ada Lovelace' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    });
    expect(onJoin).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Ada Lovelace' }));
    expect(window.localStorage.getItem('kaihui.displayName')).toBe('Guest name');
  });

  it('signed in, joins a meeting that does not allow guests', async () => {
    const { store } = await testAccount('signedIn');
    renderWithAccount(
      <PreJoinScreen meetingNumber="123456789" media={new LocalMedia(source())} onJoin={vi.fn()} fetchFn={answering({ ...summary, allowGuests: false })} />,
      store,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole('button', { name: 'Join meeting' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('as a guest where guests are allowed: a display name and a small "Sign in" link back here', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(<PreJoinScreen meetingNumber="123456789" media={new LocalMedia(source())} onJoin={vi.fn()} fetchFn={found} />, store);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByLabelText('Display name')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join meeting' })).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Sign in' }).map((a) => a.getAttribute('href'));
    expect(links).toContain('/login?next=%2Fm%2F123456789');
  });

  it('as a guest where guests are not allowed: asks to sign in, with no way to join', async () => {
    const { store } = await testAccount('signedOut');
    renderWithAccount(
      <PreJoinScreen meetingNumber="123456789" media={new LocalMedia(source())} onJoin={vi.fn()} fetchFn={answering({ ...summary, allowGuests: false })} />,
      store,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const panel = screen.getByRole('status');
    expect(panel.dataset.state).toBe('sign-in-required');
    expect(panel.textContent).toContain('Sign in to join this meeting');
    expect(within(panel).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login?next=%2Fm%2F123456789');
    expect(within(panel).getByRole('link', { name: 'Register' }).getAttribute('href')).toBe('/register?next=%2Fm%2F123456789');
    expect(screen.queryByRole('button', { name: 'Join meeting' })).toBeNull();
    expect(screen.queryByLabelText('Display name')).toBeNull();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('status').textContent).toContain('登录后才能加入此会议');
  });

  it('shows the same panel after the server answered sign_in_required', async () => {
    render(<PreJoinScreen meetingNumber="123456789" media={new LocalMedia(source())} onJoin={vi.fn()} fetchFn={found} signInRequired />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole('status').dataset.state).toBe('sign-in-required');
    expect(screen.queryByRole('button', { name: 'Join meeting' })).toBeNull();
  });
});
