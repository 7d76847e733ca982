/**
 * The Rooms tab says what it knows about the directory (issue 14): loading with progress and
 * placeholder rows, a failed load with its error and Try again, and "no rooms" only when a
 * completed fetch returned none.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { DirectoryStatus } from '../../../main/shared/ipc/contract';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { ipcError, type FakeBridge, type FakeWorld } from '../fake-bridge';
import { push, settle, withBridge } from '../setup';

const EMPTY_MESSAGE = 'Your organisation has no meeting rooms in Tencent Meeting yet.';

/** A first start: nothing cached yet, so getDirectory has no rooms and no fetchedAt. */
function noCache(world: FakeWorld, status: Partial<DirectoryStatus> = {}) {
  world.directory = {
    fetchedAt: null,
    roomCount: 0,
    syncing: false,
    progress: null,
    error: null,
    ...status,
    rooms: [],
  };
}

async function renderPicker(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  return fake;
}

const syncing = (progress: DirectoryStatus['progress']): DirectoryStatus => ({
  fetchedAt: null,
  roomCount: 0,
  syncing: true,
  progress,
  error: null,
});

describe('the Rooms tab while the directory loads', () => {
  it('shows progress and placeholder rows, never "no rooms"', async () => {
    const fake = await renderPicker(
      withBridge((world) => {
        noCache(world, { syncing: true });
      }),
    );
    expect(screen.getByText('Loading rooms…')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Loading the room list' })).toBeTruthy();
    expect(document.querySelectorAll('.room-placeholder').length).toBeGreaterThanOrEqual(8);
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
    expect(screen.queryByText('0 rooms')).toBeNull();

    await push(fake, 'directoryChanged', syncing({ loaded: 2400, total: 10_000 }));
    expect(screen.getByText('Loading rooms… 2,400 of 10,000')).toBeTruthy();
    const bar = screen.getByRole<HTMLProgressElement>('progressbar', {
      name: 'Loading the room list',
    });
    expect(bar.getAttribute('value')).toBe('2400');
    expect(bar.getAttribute('max')).toBe('10000');
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
  });

  it('counts as loading before the first refresh has even started', async () => {
    // getDirectory answered (nothing cached, not syncing yet); refreshDirectory is on its way.
    await renderPicker(
      withBridge((world) => {
        noCache(world);
      }),
    );
    expect(screen.getByText('Loading rooms…')).toBeTruthy();
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
  });

  it('shows a failed first load with its error, and Try again starts another', async () => {
    const fake = await renderPicker(
      withBridge((world) => {
        noCache(world, { syncing: true });
      }),
    );
    await push(fake, 'directoryChanged', {
      ...syncing(null),
      syncing: false,
      error: ipcError('api', 190310),
    });
    expect(screen.getByText('Could not load the room list.')).toBeTruthy();
    expect(screen.getByText('Error code 190310')).toBeTruthy();
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
    expect(screen.queryByText('Loading rooms…')).toBeNull();
    const before = fake.requestsTo('refreshDirectory').length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(fake.requestsTo('refreshDirectory')).toHaveLength(before + 1);
  });

  it('shows the error when asking for a refresh itself failed and nothing is cached', async () => {
    const fake = withBridge((world) => {
      noCache(world);
    });
    fake.failOnce('refreshDirectory', ipcError('network', null, 'connection refused'));
    await renderPicker(fake);
    expect(screen.getByText('Could not load the room list.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
  });

  it('says the organisation has no rooms only when a completed fetch returned none', async () => {
    const fake = await renderPicker(
      withBridge((world) => {
        noCache(world, { syncing: true });
      }),
    );
    expect(screen.queryByText(EMPTY_MESSAGE)).toBeNull();
    const done = new Date().toISOString();
    fake.world.directory = { ...fake.world.directory, fetchedAt: done, syncing: false };
    await push(fake, 'directoryChanged', { ...syncing(null), syncing: false, fetchedAt: done });
    await settle();
    expect(screen.getByText(EMPTY_MESSAGE)).toBeTruthy();
    expect(screen.queryByText('Loading rooms…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Refresh the room list' })).toBeTruthy();
  });

  it('keeps showing cached rooms while a refresh runs, with its progress in the status bar', async () => {
    const fake = await renderPicker(withBridge());
    await push(fake, 'directoryChanged', {
      fetchedAt: fake.world.directory.fetchedAt,
      roomCount: 4,
      syncing: true,
      progress: { loaded: 20, total: 40 },
      error: null,
    });
    expect(screen.getByText('Updating the room list… 20 of 40')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Rooms' })).toBeTruthy();
    expect(screen.queryByText('Loading rooms…')).toBeNull();
  });
});

describe('Try again after asking for a refresh failed', () => {
  it('asks again and shows the load it started instead of the error', async () => {
    const fake = withBridge((world) => {
      noCache(world);
    });
    fake.failOnce('refreshDirectory', ipcError('network', null, 'connection refused'));
    await renderPicker(fake);
    fake.world.directory = { ...fake.world.directory, syncing: true };
    const before = fake.requestsTo('refreshDirectory').length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(fake.requestsTo('refreshDirectory')).toHaveLength(before + 1);
    expect(screen.queryByText('Could not load the room list.')).toBeNull();
    expect(screen.getByText('Loading rooms…')).toBeTruthy();
  });
});
