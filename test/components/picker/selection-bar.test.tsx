/**
 * The batch bar (issue 14): a selection survives a new search, the bar says how many selected
 * rooms the search hides (they are invited too, as it says), and the button names exactly the
 * rooms it calls, leaving out any already being called.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import type { FakeBridge } from '../fake-bridge';
import { settle, withBridge } from '../setup';

const SHENZHEN = '深圳·滨海大厦 18F 1801 会议室';
const BEIJING = '北京·银科大厦 5F 长城厅';
const MARINA = 'Marina One L12 Boardroom';

async function renderPicker(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  return fake;
}

function type(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search rooms' }), {
    target: { value: text },
  });
}

function tick(name: string) {
  fireEvent.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
}

function bar() {
  return screen.getByRole('region', { name: 'Selected rooms' });
}

function calledRooms(fake: FakeBridge): string[] {
  return fake
    .requestsTo('startCall')
    .map((request) => ('room' in request ? request.room.name : 'not a room'));
}

describe('the batch bar', () => {
  it('is not there until a room is ticked', async () => {
    await renderPicker(withBridge());
    expect(screen.queryByRole('region', { name: 'Selected rooms' })).toBeNull();
    tick(MARINA);
    expect(within(bar()).getByText('1 selected')).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Selected rooms' })).toBeNull();
  });

  it('keeps rooms ticked under earlier searches, counts them, and invites them too', async () => {
    const fake = await renderPicker(withBridge());
    type('1801');
    tick(SHENZHEN);
    type('marina');
    tick(MARINA);
    expect(
      within(bar()).getByText('2 selected · 1 hidden by the search, invited too'),
    ).toBeTruthy();
    const invite = within(bar()).getByRole('button', {
      name: `Invite ${MARINA}, ${SHENZHEN}`,
    });
    type('');
    expect(within(bar()).getByText('2 selected')).toBeTruthy();
    type('marina');
    fireEvent.click(invite);
    await settle();
    expect(calledRooms(fake).sort()).toEqual([MARINA, SHENZHEN].sort());
    expect(screen.queryByRole('region', { name: 'Selected rooms' })).toBeNull();
  });

  it('names three or more rooms below a counted button', async () => {
    await renderPicker(withBridge());
    tick(SHENZHEN);
    tick(BEIJING);
    tick(MARINA);
    const invite = within(bar()).getByRole('button', { name: 'Invite 3 rooms' });
    const names = within(bar()).getByText(`Will invite: ${MARINA}, ${BEIJING}, ${SHENZHEN}`);
    expect(invite.getAttribute('aria-describedby')).toBe(names.id);
  });

  it('leaves out a room already being called, and says so', async () => {
    const fake = await renderPicker(withBridge());
    fireEvent.click(screen.getByRole('button', { name: `Invite ${SHENZHEN}` }));
    await settle();
    tick(SHENZHEN);
    tick(MARINA);
    expect(
      within(bar()).getByText('2 selected · 1 already called or not callable, left out'),
    ).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: `Invite ${MARINA}` }));
    await settle();
    expect(calledRooms(fake)).toEqual([SHENZHEN, MARINA]);
  });
});
