/**
 * Issue 14, legible rows: the part of a name that tells rooms apart always shows, the full
 * name is the tooltip and the accessible name, and the second line never repeats the first.
 */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { locationBeyondName, splitName } from '../../../renderer/src/popover/row-text';
import { settle, waitFor, withBridge } from '../setup';

describe('splitName', () => {
  it('keeps the room number and what follows it as the tail', () => {
    expect(splitName('深圳腾讯滨海大厦 18F 1801 会议室')).toEqual({
      head: '深圳腾讯滨海大厦 18F ',
      tail: '1801 会议室',
    });
    expect(splitName('滨海大厦18楼1801会议室')).toEqual({
      head: '滨海大厦18楼',
      tail: '1801会议室',
    });
    expect(splitName('Marina One L12 Boardroom')).toEqual({
      head: 'Marina One ',
      tail: 'L12 Boardroom',
    });
    expect(splitName('Tower B A-1203')).toEqual({ head: 'Tower B ', tail: 'A-1203' });
  });

  it('keeps a short last word of a name without digits, else the whole name shortens', () => {
    expect(splitName('北京·银科大厦 长城厅')).toEqual({ head: '北京·银科大厦 ', tail: '长城厅' });
    expect(splitName('Boardroom codec')).toEqual({ head: 'Boardroom ', tail: 'codec' });
    expect(splitName('会议室')).toEqual({ head: '会议室', tail: '' });
    expect(splitName('1801')).toEqual({ head: '', tail: '1801' });
  });
});

describe('locationBeyondName', () => {
  const name = '深圳·滨海大厦 18F 1801 会议室';

  it('is empty when the name already holds every part of the location', () => {
    expect(locationBeyondName(name, '深圳-滨海大厦-18')).toBe('');
    expect(locationBeyondName('深圳腾讯滨海大厦 18F 1801 会议室', '深圳-腾讯滨海大厦-18')).toBe('');
    expect(locationBeyondName(name, '')).toBe('');
  });

  it('drops the start it shares with the name', () => {
    expect(locationBeyondName(name, '深圳-滨海大厦-20')).toBe('20');
    expect(locationBeyondName('深圳滨海大厦18楼1801', '深圳滨海大厦20楼')).toBe('20楼');
    expect(locationBeyondName('Marina One L12 Boardroom', 'Marina Bay-3')).toBe('Bay-3');
  });

  it('never cuts inside a word', () => {
    expect(locationBeyondName('深圳腾讯大厦 1801', '深圳腾讯滨海大厦')).toBe('深圳腾讯滨海大厦');
    expect(locationBeyondName('Marina One L12', 'Mariposa Tower')).toBe('Mariposa Tower');
    expect(locationBeyondName('Marina One L12 Boardroom', 'Singapore-Marina One-12')).toBe(
      'Singapore-Marina One-12',
    );
  });
});

describe('a favourite’s row', () => {
  it('has the full name as tooltip and accessible name, and the status as its second line', async () => {
    withBridge((world) => {
      const first = world.favorites[0];
      if (first?.kind !== 'room') throw new Error('sample favourites changed');
      world.favorites.push({
        ...first,
        id: 'fav-2005',
        meetingRoomId: '1234567890123456780',
        name: '深圳·滨海大厦 20F 2005 会议室',
        location: '深圳-滨海大厦-20',
      });
    });
    render(<PopoverApp />);
    await settle();
    await settle();
    const list = screen.getByRole('list', { name: 'Favourites' });
    const invite = within(list).getByRole('button', {
      name: 'Invite 深圳·滨海大厦 18F 1801 会议室',
    });
    expect(invite.getAttribute('title')).toBe('深圳·滨海大厦 18F 1801 会议室');
    // The name in two parts: the tail from the room number on.
    expect(within(invite).getByText('1801 会议室').className).toBe('name-tail');

    // The second line: the status, and the location only where it adds to the name.
    await waitFor(() => {
      expect(within(list).getByText('Available')).toBeTruthy();
    });
    const row = invite.closest('li') ?? document.body;
    const detail = document.getElementById(
      invite.getAttribute('aria-describedby')?.split(' ')[0] ?? '',
    );
    expect(detail?.textContent).toBe('Available');
    expect(within(row).queryByText('深圳-滨海大厦-18')).toBeNull();
    const other = within(list).getByRole('button', {
      name: 'Invite 深圳·滨海大厦 20F 2005 会议室',
    });
    expect(within(other.closest('li') ?? document.body).queryByText('深圳-滨海大厦-20')).toBeNull();
    expect(
      within(list).getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' }).closest('li')
        ?.textContent,
    ).not.toContain('北京-银科大厦');
  });
});
