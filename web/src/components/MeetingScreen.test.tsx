// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountContext } from '../account/AccountContext';
import { AccountStore } from '../account/accountStore';
import i18n from '../i18n/i18n';
import { LocalMedia, type UserMediaSource } from '../media/LocalMedia';
import { FakePeerConnection } from '../testing/FakePeerConnection';
import { FakeSocket } from '../testing/FakeSocket';
import type { Fetch } from '../api/meetingsApi';
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
  let onEnded: ReturnType<typeof vi.fn<(by: string) => void>>;
  let onSignInRequired: ReturnType<typeof vi.fn<() => void>>;

  async function renderJoined(
    media = new LocalMedia(undefined),
    joinChoices = choices,
    store = new AccountStore(),
    extra: { meeting?: object; me?: object; fetchFn?: Fetch; participants?: object[] } = {},
  ) {
    onLeft = vi.fn<(choices: JoinChoices) => void>();
    onEnded = vi.fn<(by: string) => void>();
    onSignInRequired = vi.fn<() => void>();
    pcs = [];
    render(
      <AccountContext value={store}>
        <MeetingScreen
          meetingNumber="123456789"
          choices={joinChoices}
          media={media}
          onLeft={onLeft}
          onEnded={onEnded}
          onSignInRequired={onSignInRequired}
          fetchFn={extra.fetchFn}
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
        participants: extra.participants ?? [
          { participantId: 'p-ada', displayName: 'Ada', audioMuted: true, videoMuted: true },
        ],
        meeting: extra.meeting,
        me: extra.me,
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
  const meeting = {
    meetingNumber: '123456789', title: 'Weekly sync', hostName: 'Me', allowGuests: false,
    participantCount: 2, startedAtMs: 1, youAreHost: true,
  };
  const meAsHost = { participantId: 'p-me', displayName: 'Me', audioMuted: false, videoMuted: true, host: true, guest: false, avatarUrl: null };

  it('shows the title, and marks the host and guests on tiles and in the panel', async () => {
    await renderJoined(undefined, choices, undefined, {
      meeting: { ...meeting, youAreHost: false, hostName: 'Ada' },
      me: { ...meAsHost, host: false, guest: true },
      participants: [
        { participantId: 'p-ada', displayName: 'Ada', audioMuted: true, videoMuted: true, host: true, guest: false, avatarUrl: '/api/v1/users/1/avatar?v=2' },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Weekly sync' })).toBeTruthy();
    expect(document.title).toBe('Weekly sync · Kaihui');
    const ada = screen.getByRole('group', { name: 'Ada' });
    expect(within(ada).getByText('Host')).toBeTruthy();
    expect(ada.querySelector('img')?.getAttribute('src')).toBe('/api/v1/users/1/avatar?v=2');
    expect(within(screen.getByRole('group', { name: 'Me (you)' })).getByText('Guest')).toBeTruthy();
    // Not the host: no host controls.
    expect(screen.queryByRole('checkbox', { name: 'Allow guests' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End meeting for everyone' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Participants/ }));
    const panel = screen.getByRole('complementary', { name: 'Participants' });
    expect(within(panel).getByText('Host')).toBeTruthy();
    expect(within(panel).getByText('Guest')).toBeTruthy();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(within(panel).getByText('主持人')).toBeTruthy();
    expect(within(panel).getByText('访客')).toBeTruthy();
  });

  it('the host allows guests, and the setting follows meetingUpdated', async () => {
    const fetchFn = vi.fn<Fetch>(async () => new Response(JSON.stringify({ ...meeting, allowGuests: true }), { status: 200 }));
    await renderJoined(undefined, choices, undefined, { meeting, me: meAsHost, fetchFn });
    const toggle = screen.getByRole('checkbox', { name: 'Allow guests' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await act(async () => {
      fireEvent.click(toggle);
      await vi.advanceTimersByTimeAsync(0);
    });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect([url, init?.method, JSON.parse(init!.body as string)]).toEqual(['/api/v1/meetings/123456789', 'PATCH', { allowGuests: true }]);
    expect(toggle.checked).toBe(true);
    act(() => socket.receive({ type: 'meetingUpdated', meeting: { ...meeting, allowGuests: false, youAreHost: false } }));
    expect((screen.getByRole('checkbox', { name: 'Allow guests' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows the guest setting at once, and undoes it when the server refuses', async () => {
    let answer!: (response: Response) => void;
    const fetchFn = vi.fn<Fetch>(() => new Promise<Response>((resolve) => (answer = resolve)));
    await renderJoined(undefined, choices, undefined, { meeting, me: meAsHost, fetchFn });
    const toggle = screen.getByRole('checkbox', { name: 'Allow guests' }) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(toggle.disabled).toBe(true);
    await act(async () => {
      answer(new Response(JSON.stringify({ code: 'not_host', message: 'x' }), { status: 403 }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(false);
    expect(screen.getByText('Only the host of the meeting can do that.')).toBeTruthy();
  });

  it('the host ends the meeting for everyone after confirming', async () => {
    const fetchFn = vi.fn<Fetch>(async () => new Response(null, { status: 204 }));
    await renderJoined(undefined, choices, undefined, { meeting, me: meAsHost, fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'End meeting for everyone' }));
    const dialog = screen.getByRole('dialog', { name: 'End the meeting for everyone?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'End meeting for everyone' }));
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'End meeting' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect([url, init?.method]).toEqual(['/api/v1/meetings/123456789', 'DELETE']);
    expect(onEnded).toHaveBeenCalledWith('Me');
    expect(socket.closedByClient).toBe(true);
  });

  it('says why the meeting could not be ended', async () => {
    const fetchFn = vi.fn<Fetch>(async () => new Response(JSON.stringify({ code: 'not_host', message: 'x' }), { status: 403 }));
    await renderJoined(undefined, choices, undefined, { meeting, me: meAsHost, fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'End meeting for everyone' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'End meeting' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toContain('Only the host of the meeting can do that.');
    expect(onEnded).not.toHaveBeenCalled();
  });

  it('everyone hands over to the ended screen on meetingEnded, without reconnecting', async () => {
    await renderJoined();
    const first = socket;
    await act(async () => {
      socket.receive({ type: 'meetingEnded', reason: 'ended_by_host', by: 'Ada' });
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(onEnded).toHaveBeenCalledWith('Ada');
    expect(socket).toBe(first);
  });

  it('hands over to sign in when the server refuses a guest', async () => {
    onSignInRequired = vi.fn();
    render(
      <MeetingScreen
        meetingNumber="123456789"
        choices={choices}
        media={new LocalMedia(undefined)}
        onLeft={vi.fn()}
        onEnded={vi.fn()}
        onSignInRequired={onSignInRequired}
        connect={{ createSocket: (url) => (socket = new FakeSocket(url)), createPeerConnection: (config) => new FakePeerConnection(config) }}
      />,
    );
    await act(async () => {
      socket.open();
      socket.receive({ type: 'error', id: 1, code: 'sign_in_required', message: 'guests not allowed' });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(onSignInRequired).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
