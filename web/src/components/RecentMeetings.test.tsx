// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from '../api/meetingsApi';
import i18n from '../i18n/i18n';
import { RecentMeetings } from './RecentMeetings';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const START = Date.UTC(2026, 4, 12, 9, 30);
const past = [
  {
    meetingId: 1, meetingNumber: '493027118', title: 'Weekly sync', hostName: 'Bob', startedAtMs: START,
    endedAtMs: null, participants: ['Bob', 'Alice'], guests: 0,
  },
  {
    meetingId: 2, meetingNumber: '111222333', title: "Bob's meeting", hostName: 'Bob', startedAtMs: START,
    endedAtMs: START + 65 * 60_000, participants: ['Bob', 'Alice', 'Visitor', 'Guest2'], guests: 2,
  },
];

describe('RecentMeetings', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists my meetings with number, title, time, duration or "In progress", host and who', async () => {
    const fetchFn = vi.fn<Fetch>(async () => json(200, past));
    render(<RecentMeetings fetchFn={fetchFn} />);
    expect(screen.getByText('Loading your recent meetings…')).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Recent meetings' });
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings/history?limit=50', expect.anything());
    const [live, ended] = within(list).getAllByRole('listitem');
    expect(live!.textContent).toContain('493 027 118');
    expect(live!.textContent).toContain('Weekly sync');
    expect(live!.textContent).toContain('In progress');
    expect(within(live!).getByRole('link', { name: 'Join' }).getAttribute('href')).toBe('/m/493027118');
    expect(live!.textContent).toContain('Host: Bob');
    expect(live!.textContent).toContain('With: Bob, Alice');
    expect(live!.textContent).not.toContain('guest');
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(START);
    expect(live!.textContent).toContain(when);
    expect(ended!.textContent).toContain('111 222 333');
    expect(ended!.textContent).toContain('1 h 5 min');
    expect(ended!.textContent).toContain('(2 of them guests)');
    expect(within(ended!).queryByRole('link')).toBeNull();

    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByRole('list', { name: '最近的会议' }).textContent).toContain('1 小时 5 分钟');
    expect(screen.getByText('进行中')).toBeTruthy();
  });

  it('says so when there are none', async () => {
    render(<RecentMeetings fetchFn={async () => json(200, [])} />);
    expect(await screen.findByText('No meetings yet. The meetings you host or join show up here.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('reports a failure and tries again', async () => {
    let fail = true;
    const fetchFn = vi.fn<Fetch>(async () => (fail ? json(500, { code: 'server_error', message: 'x' }) : json(200, past)));
    render(<RecentMeetings fetchFn={fetchFn} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Your recent meetings could not be loaded.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Recent meetings' })).toBeTruthy();
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });
});
