/**
 * The Rooms tab by keyboard, search first (issue 14): focus starts in the search, Enter invites
 * the first result through the same guarded action as the row's button (never a second call
 * to a room already being called), the arrows move the highlight (focus) through the rows, and
 * typing on a row goes back to the search.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import type { FakeBridge } from '../fake-bridge';
import { settle, withBridge } from '../setup';

async function renderPicker(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  return fake;
}

function searchBox() {
  return screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search rooms' });
}

function type(text: string) {
  fireEvent.input(searchBox(), { target: { value: text } });
}

function calledRooms(fake: FakeBridge): string[] {
  return fake
    .requestsTo('startCall')
    .map((request) => ('room' in request ? request.room.name : 'not a room'));
}

describe('the Rooms tab by keyboard', () => {
  it('opens with the search focused', async () => {
    await renderPicker(withBridge());
    expect(document.activeElement).toBe(searchBox());
  });

  it('Enter invites the first result, once, and says so beforehand', async () => {
    const fake = await renderPicker(withBridge());
    type('1801');
    fireEvent.focus(searchBox());
    const hint = screen.getByText('Enter invites 深圳·滨海大厦 18F 1801 会议室');
    expect(searchBox().getAttribute('aria-describedby')).toBe(hint.id);
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    await settle();
    expect(calledRooms(fake)).toEqual(['深圳·滨海大厦 18F 1801 会议室']);
    // The call is under way: Enter again is a second click on a ringing row, and does nothing.
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    await settle();
    expect(calledRooms(fake)).toHaveLength(1);
    expect(screen.queryByText(/^Enter invites/)).toBeNull();
  });

  it('does nothing on Enter with nothing typed, a room that cannot be called, or while composing', async () => {
    const fake = await renderPicker(withBridge());
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    type('泰山厅'); // not callable
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    type('boardroom');
    // Enter that commits an input method's composition (pinyin to 汉字) is not an invite.
    fireEvent.keyDown(searchBox(), { key: 'Enter', isComposing: true });
    await settle();
    expect(calledRooms(fake)).toEqual([]);
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    await settle();
    expect(calledRooms(fake)).toEqual(['Marina One L12 Boardroom']);
  });

  it('moves the highlight with the arrows, and the highlighted row’s Invite is the one pressed', async () => {
    const fake = await renderPicker(withBridge());
    type('大厦');
    const list = screen.getByRole('list', { name: 'Rooms' });
    const names = within(list)
      .getAllByRole('listitem')
      .map((row) => row.querySelector('.room-name')?.getAttribute('title'));
    expect(names).toHaveLength(2);
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    const focused = document.activeElement;
    expect(focused?.getAttribute('aria-label')).toBe(`Invite ${names[1] ?? ''}`);
    // What Enter on a focused button does: activates it (the row's own invite action).
    if (!(focused instanceof HTMLButtonElement)) throw new Error('no button focused');
    fireEvent.click(focused);
    await settle();
    expect(calledRooms(fake)).toEqual([names[1]]);
    // Up past the first row: back in the search.
    fireEvent.keyDown(focused, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(searchBox());
  });

  it('sends what is typed on a row to the search, and Escape clears it', async () => {
    await renderPicker(withBridge());
    type('大');
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '厦' });
    expect(document.activeElement).toBe(searchBox());
    expect(searchBox().value).toBe('大厦');
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox().value).toBe('');
  });

  it('takes the search back when the window is shown again with focus nowhere', async () => {
    await renderPicker(withBridge());
    searchBox().blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.focus(window);
    expect(document.activeElement).toBe(searchBox());
  });
});
