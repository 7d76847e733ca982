/**
 * One click, one ring (issue 12): a room that accepted stays "In the meeting", and clicking
 * Invite again reads its status instead of calling it: no second room-call reaches the
 * simulator, and the row still says the room is in the meeting.
 */
import { addRoomFavorites, expect, favouriteRow, open, SIM_ROOMS, test } from './fixtures';

test.use({ previewOptions: { sim: { callTiming: { ringMs: 600 } } } });

const ROOM_CALL = '/v1/meeting-rooms/room-call';
const ROOM_CALL_INFO = '/v1/meeting-rooms/room-call-info';

test('invite, accepted, invite again: no second room-call, the row says in the meeting', async ({
  page,
  preview,
}) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('this test runs against the simulator');
  await addRoomFavorites(preview, [SIM_ROOMS.accepted.index]);
  await open(page, preview, 'popover');
  const row = favouriteRow(page, SIM_ROOMS.accepted.name);
  const invite = page
    .getByRole('list', { name: 'Favourites' })
    .getByRole('button', { name: `Invite ${SIM_ROOMS.accepted.name}`, exact: true });

  await invite.click();
  await expect(row).toContainText('In the meeting', { timeout: 15_000 });
  const calls = () => sim.requests.filter((request) => request.path === ROOM_CALL).length;
  const reads = () => sim.requests.filter((request) => request.path === ROOM_CALL_INFO).length;
  expect(calls()).toBe(1);

  const readsBefore = reads();
  await invite.click();
  // The second click read the status (that is how it knows) and called nobody.
  await expect.poll(reads).toBeGreaterThan(readsBefore);
  await expect(row).toContainText('In the meeting');
  await expect(row).not.toContainText('Failed');
  expect(calls()).toBe(1);
});
