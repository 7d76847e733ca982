import { foldForSearch } from '../lib/search-text';
import { queryWords, type SearchIndex } from '../lib/search-index';
import type { RoomView } from '../../../main/shared/ipc/contract';

export type StatusFilter = 'all' | 'idle' | 'in-use' | 'offline' | 'not-set-up';
export type RoomSort = 'name' | 'location' | 'status';

export interface RoomQuery {
  readonly text: string;
  readonly callableOnly: boolean;
  readonly status: StatusFilter;
  readonly sort: RoomSort;
}

export const DEFAULT_QUERY: RoomQuery = {
  text: '',
  callableOnly: false,
  status: 'all',
  sort: 'name',
};

const STATUS_GROUP: Readonly<Record<RoomView['status'], StatusFilter>> = {
  idle: 'idle',
  'in-use': 'in-use',
  offline: 'offline',
  'not-logged-in': 'offline',
  'not-activated': 'not-set-up',
  'not-bound': 'not-set-up',
  unknown: 'offline',
};

/** Callable rooms first, then by what is most useful: free, busy, unreachable, not set up. */
const STATUS_RANK: Readonly<Record<RoomView['status'], number>> = {
  idle: 0,
  'in-use': 1,
  offline: 2,
  'not-logged-in': 3,
  unknown: 4,
  'not-activated': 5,
  'not-bound': 6,
};

export function sortRooms(rooms: readonly RoomView[], sort: RoomSort, locale: string): RoomView[] {
  // Intl.Collator: Chinese names sort in pinyin order under zh, alphabetically under en.
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const byName = (a: RoomView, b: RoomView) => collator.compare(a.name, b.name);
  const sorted = [...rooms];
  if (sort === 'name') sorted.sort(byName);
  else if (sort === 'location')
    sorted.sort((a, b) => collator.compare(a.location, b.location) || byName(a, b));
  else
    sorted.sort(
      (a, b) =>
        Number(b.callable) - Number(a.callable) ||
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        byName(a, b),
    );
  return sorted;
}

/**
 * Filters already-sorted rooms. Remembers its last answer: when the next query only adds
 * characters (the usual keystroke), it narrows that answer instead of scanning everything.
 */
export class RoomFilter {
  private last: {
    query: RoomQuery;
    source: readonly RoomView[];
    generation: number;
    result: RoomView[];
  } | null = null;

  constructor(private readonly index: SearchIndex) {}

  apply(sorted: readonly RoomView[], query: RoomQuery): RoomView[] {
    const words = queryWords(query.text);
    const last = this.last;
    const narrowing =
      last !== null &&
      last.source === sorted &&
      last.generation === this.index.generation &&
      last.query.callableOnly === query.callableOnly &&
      last.query.status === query.status &&
      normaliseText(query.text).startsWith(normaliseText(last.query.text));
    const base = narrowing ? last.result : sorted;
    const result = base.filter(
      (room) =>
        (!query.callableOnly || room.callable) &&
        (query.status === 'all' || STATUS_GROUP[room.status] === query.status) &&
        (words.length === 0 || this.index.matches(room, words)),
    );
    this.last = { query, source: sorted, generation: this.index.generation, result };
    return result;
  }
}

function normaliseText(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trimStart();
}
