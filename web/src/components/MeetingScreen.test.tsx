// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountContext } from '../account/AccountContext';
import { AccountStore } from '../account/accountStore';
import i18n from '../i18n/i18n';
import { LocalMedia, type UserMediaSource } from '../media/LocalMedia';
import { FakePeerConnection } from '../testing/FakePeerConnection';
import { FakeSocket } from '../testing/FakeSocket';
import type { JoinChoices } from './JoinChoices';
import { MeetingScreen } from './MeetingScreen';

const choices: JoinChoices = {
  displayName: 'Me',
  audioMuted: false,
  cameraOn: false,
  cameraId: '',
  microphoneId: '',
  speakerId: '',
};

/** A getUserMedia giving tracks that behave enough like real ones for the screen. */
function fakeUserMedia(): UserMediaSource {
  const track = (kind: string) =>
    ({
      kind,
      enabled: true,
      muted: false,
      readyState: 'live',
      stop() {},
      getSettings: () => ({ deviceId: `${kind}-1` }),
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaStreamTrack;
  return {
    getUserMedia: async (constraints) => {
      const tracks = [constraints?.audio && track('audio'), constraints?.video && track('video')];
      return { getTracks: () => tracks.filter(Boolean) } as unknown as MediaStream;
    },
  };
}

describe('MeetingScreen', () => {
  let socket: FakeSocket;
  let pcs: FakePeerConnection[] = [];
  let onLeft: ReturnType<typeof vi.fn<(choices: JoinChoices) => void>>;

  async function renderJoined(
    media = new LocalMedia(undefined),
    joinChoices = choices,
    store = new AccountStore(),
  ) {
    onLeft = vi.fn<(choices: JoinChoices) => void>();
    pcs = [];
    render(
      <AccountContext value={store}>
        <MeetingScreen
          meetingNumber="123456789"
          choices={joinChoices}
          media={media}
          onLeft={onLeft}
          connect={{
            createSocket: (url) => (socket = new FakeSocket(url)),
            createPeerConnection: (config) => {
              const pc = new FakePeerConnection(config);
              pcs.push(pc);
              return pc;
            },
          }}
        />
      </AccountContext>,
    );
    await act(async () => {
      socket.open();
      socket.receive({
        type: 'joinResponse',
        id: 1,
        meetingNumber: '123456789',
        participantId: 'p-me',
        participants: [{ participantId: 'p-ada', displayName: 'Ada', audioMuted: true, videoMuted: true }],
      });
      await vi.advanceTimersByTimeAsync(0);
      socket.receive({ type: 'publishResponse', id: 2, sdp: 'answer' });
      await vi.advanceTimersByTimeAsync(5);
      pcs.find((pc) => pc.transceivers.length > 0)!.setConnectionState('connected');
    });
  }

  beforeEach(async () => {
    vi.useFakeTimers();
    await i18n.changeLanguage('en');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects to /ws on the page host and shows the connection state', async () => {
    await renderJoined();
    expect(socket.url).toBe(`ws://${window.location.host}/ws`);
    const status = screen.getByRole('status');
    expect(status.dataset.state).toBe('connected');
    expect(status.textContent).toContain('Connected');
  });

  it('shows a tile per participant, mine mirrored and named "(you)"', async () => {
    await renderJoined();
    const mine = screen.getByRole('group', { name: 'Me (you)' });
    expect(mine.dataset.local).toBe('true');
    expect(mine.dataset.participantId).toBe('p-me');
    expect(mine.querySelector('video')?.dataset.participantId).toBe('p-me');
    const ada = screen.getByRole('group', { name: 'Ada' });
    expect(ada.dataset.participantId).toBe('p-ada');
    expect(ada.dataset.local).toBeUndefined();
    expect(ada.dataset.video).toBe('off');
    expect(within(ada).getByRole('img', { name: 'Microphone muted' })).toBeTruthy();
    expect(within(ada).getByText('A')).toBeTruthy();
  });

  it('without a microphone I join muted and cannot unmute', async () => {
    await renderJoined();
    const unmute = screen.getByRole('button', { name: 'Unmute' }) as HTMLButtonElement;
    expect(unmute.disabled).toBe(true);
    expect(socket.sent[0]).toMatchObject({ type: 'join', audioMuted: true, videoMuted: true });
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
  });

  it('mute and camera buttons say what they will do, and tell the server', async () => {
    const media = new LocalMedia(fakeUserMedia());
    await media.start({ audio: true, video: true, microphoneId: '', cameraId: '' });
    await renderJoined(media, { ...choices, cameraOn: true });
    expect(socket.sent[0]).toMatchObject({ type: 'join', audioMuted: false, videoMuted: false });
    expect(screen.getByRole('group', { name: 'Me (you)' }).dataset.video).toBe('on');

    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Unmute' })).toBeTruthy();
    expect(socket.lastSent('setMuted')).toMatchObject({ audioMuted: true, videoMuted: false });
    expect(media.state.audioTrack!.enabled).toBe(false);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Turn camera off' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
    expect(socket.lastSent('setMuted')).toMatchObject({ audioMuted: true, videoMuted: true });
    expect(media.state.videoTrack).toBeNull();
    expect(screen.getByRole('group', { name: 'Me (you)' }).dataset.video).toBe('off');
  });

  it('opens the participants panel with everyone and their states', async () => {
    await renderJoined();
    const button = screen.getByRole('button', { name: 'Participants' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const panel = screen.getByRole('complementary', { name: 'Participants' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.participants__name')?.textContent)).toEqual([
      'Me (you)',
      'Ada',
    ]);
    expect(within(items[1]!).getByRole('img', { name: 'Microphone muted' })).toBeTruthy();
    expect(within(items[1]!).getByRole('img', { name: 'Camera off' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('announces who joins and leaves in a live region', async () => {
    await renderJoined();
    act(() => {
      socket.receive({
        type: 'participantJoined',
        participant: { participantId: 'p-bo', displayName: 'Bo', audioMuted: false, videoMuted: false },
      });
    });
    expect(screen.getByRole('group', { name: 'Bo' })).toBeTruthy();
    act(() => socket.receive({ type: 'participantLeft', participantId: 'p-ada', reason: 'left' }));
    expect(screen.queryByRole('group', { name: 'Ada' })).toBeNull();
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain('Bo joined');
    expect(live.textContent).toContain('Ada left');
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(live.textContent).toBe('');
  });

  it('copies the meeting link and confirms it', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderJoined();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/m/123456789`);
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toContain('Meeting link copied');
  });

  it('shows reconnecting when the connection drops, and the translated reason when it fails', async () => {
    await renderJoined();
    act(() => socket.drop());
    expect(screen.getByRole('status').dataset.state).toBe('reconnecting');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await act(async () => {
      socket.open();
      socket.receive({ type: 'error', id: 1, code: 'meeting_full', message: 'full' });
      await vi.advanceTimersByTimeAsync(0);
    });
    const status = screen.getByRole('status');
    expect(status.dataset.state).toBe('failed');
    expect(status.textContent).toBe('Connection failed: This meeting is full.');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('status').textContent).toBe('连接失败：会议人数已满。');
  });

  it('leave says goodbye and reports my last choices', async () => {
    await renderJoined();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    const leave = socket.lastSent('leave')!;
    await act(async () => {
      socket.receive({ type: 'ok', id: leave.id });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(onLeft).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Me', audioMuted: true, cameraOn: false }));
  });

  it('goes to sign in, saying why, when the server signs the account out', async () => {
    window.history.pushState(null, '', '/m/123456789');
    const store = new AccountStore();
    store.setAccount({ userId: 7, username: 'me', displayName: 'Me', phone: null, moodLine: null, avatarUrl: null });
    await renderJoined(undefined, choices, store);
    const first = socket;
    await act(async () => {
      socket.drop(4001, 'signed_in_elsewhere');
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(window.location.pathname).toBe('/login');
    expect(window.location.search).toBe('?next=%2Fm%2F123456789');
    expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(pcs.every((pc) => pc.closed)).toBe(true);
    expect(socket).toBe(first);
  });
});
