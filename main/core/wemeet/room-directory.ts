import type { ListRoomsOptions, Room } from './api';
import { rateLimitOf } from './errors';
import type { RoomsPage } from './schemas';
import { uniqueBy } from './unique';

/**
 * The directory sync: every page of GET /v1/meeting-rooms, a few at a time, as one list.
 *
 * Tencent limits calls per minute (190310, 300/min per app; 190313 per API), and a big
 * enterprise's directory is hundreds of pages. When the server says "slow down", the client
 * already waits (Retry-After or the documented minute) and asks again; the sync also lowers
 * its own concurrency (halving, down to one page at a time) so it stops running into the
 * limit, and a page whose retries were all rate-limited goes back into the queue instead of
 * failing the sync. Any other failure stops the sync at once.
 */

export const DEFAULT_ROOM_CONCURRENCY = 4;
/**
 * How many times in a row a page may come back rate-limited after the client's own waits
 * (each a minute or more) before the sync gives up and reports the limit.
 */
const MAX_LIMITED_ROUNDS = 5;

/** One page of rooms; `onRateLimited` is called before the client waits out a limit. */
export type RoomPageFetcher = (
  page: number,
  signal: AbortSignal,
  onRateLimited: (waitMs: number) => void,
) => Promise<RoomsPage>;

export async function listAllRooms(
  fetchPage: RoomPageFetcher,
  options: ListRoomsOptions = {},
): Promise<Room[]> {
  let concurrency = options.concurrency ?? DEFAULT_ROOM_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be an integer >= 1');
  }
  // Our own controller lets the first failing page stop the pages still in flight.
  const stop = new AbortController();
  const signal =
    options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  const slowDown = (waitMs: number): void => {
    concurrency = Math.max(1, Math.floor(concurrency / 2));
    options.onRateLimited?.(concurrency, waitMs);
  };
  let limitedRounds = 0;
  /** The page, asked again while the only answer is "rate-limited" (at most a few rounds). */
  const fetchPatiently = async (page: number): Promise<RoomsPage> => {
    for (;;) {
      try {
        const result = await fetchPage(page, signal, slowDown);
        limitedRounds = 0;
        return result;
      } catch (error) {
        if (rateLimitOf(error) === null || ++limitedRounds >= MAX_LIMITED_ROUNDS) throw error;
        signal.throwIfAborted();
        slowDown(0);
      }
    }
  };

  const first = await fetchPatiently(1);
  const total = first.total_count;
  const pages: Room[][] = [first.meeting_room_list];
  let loaded = first.meeting_room_list.length;
  options.onProgress?.(loaded, total);

  let nextPage = 2;
  const errors: unknown[] = [];
  const worker = async (index: number): Promise<void> => {
    // A worker beyond the current concurrency retires after its page: that is the slowing.
    while (errors.length === 0 && index < concurrency && nextPage <= first.total_page) {
      const page = nextPage++;
      try {
        const result = await fetchPatiently(page);
        pages[page - 1] = result.meeting_room_list;
        loaded += result.meeting_room_list.length;
        options.onProgress?.(loaded, total);
      } catch (error) {
        errors.push(error);
        stop.abort();
      }
    }
  };
  const workers = Math.min(concurrency, Math.max(0, first.total_page - 1));
  // Every worker settles before we return or throw: no request outlives the call.
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  if (errors.length > 0) {
    options.signal?.throwIfAborted();
    // The first failure is the cause; later ones are mostly our own abort of the rest.
    throw errors[0];
  }
  return uniqueBy(pages.flat(), (room) => room.meeting_room_id);
}
