import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError, type FakeBridge } from '../fake-bridge';
import { push, settle, withBridge } from '../setup';
import type { InvokeVerb } from '../../../main/shared/ipc/contract';

/** The verbs whose answers the snapshot carries. */
const PARTS: readonly InvokeVerb[] = [
  'getAppState',
  'getSettings',
  'getCurrentMeeting',
  'listFavorites',
  'listCalls',
  'listHistory',
];

async function renderPopover(fake: FakeBridge) {
  render(<PopoverApp />);
  // Past the first paint's follow-ups too (history at once, the directory at 50 ms).
  await settle();
  await settle();
  await new Promise((resolve) => setTimeout(resolve, 80));
  await settle();
  return fake;
}

function partRequests(fake: FakeBridge): InvokeVerb[] {
  return fake.recorded.map((entry) => entry.verb).filter((verb) => PARTS.includes(verb));
}

describe('popover start-up in one round trip', () => {
  it('asks for its snapshot once and none of the six verbs it stands for', async () => {
    const fake = await renderPopover(withBridge());
    expect(fake.requestsTo('getPopoverSnapshot')).toHaveLength(1);
    expect(partRequests(fake)).toEqual([]);
    expect(screen.getByRole('list', { name: 'Favourites' })).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Current meeting' })).getByText(
        'Weekly product sync',
      ),
    ).toBeTruthy();
  });

  it('asks each verb again, not the snapshot, when the popover is shown again', async () => {
    const fake = await renderPopover(withBridge());
    await push(fake, 'popoverShown', null);
    await settle();
    expect(fake.requestsTo('getPopoverSnapshot')).toHaveLength(1);
    expect(fake.requestsTo('listFavorites')).toHaveLength(1);
    expect(fake.requestsTo('getCurrentMeeting')).toHaveLength(1);
  });

  it('falls back to the verbs one by one when the snapshot itself fails', async () => {
    const fake = withBridge();
    fake.respond('getPopoverSnapshot', () => Promise.reject(new TypeError('Failed to fetch')));
    await renderPopover(fake);
    expect(screen.getByRole('list', { name: 'Favourites' })).toBeTruthy();
    expect(new Set(partRequests(fake))).toEqual(new Set(PARTS));
  });

  it('shows a failed part as that part’s error, and the rest of the screen', async () => {
    const fake = withBridge();
    fake.respond('listFavorites', () => ({ ok: false, error: ipcError('api', 9042) }));
    await renderPopover(fake);
    expect(screen.getByText('Error code 9042')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Current meeting' })).getByText(
        'Weekly product sync',
      ),
    ).toBeTruthy();
    expect(fake.requestsTo('listFavorites')).toHaveLength(0);
  });
});
