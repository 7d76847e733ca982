import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { keystrokeDone, markOnce } from '../lib/perf-marks';
import { RoomFilter, sortRooms, type RoomQuery } from './room-query';
import { SearchIndex } from '../lib/search-index';
import type { RoomView } from '../../../main/shared/ipc/contract';

/**
 * The directory as RoomsPanel shows it: sorted, then filtered by `query`; pinyin keys are
 * added to the search index in the background and the filter re-runs when they are there.
 */
export function useRoomSearch(rooms: readonly RoomView[] | null, query: RoomQuery, intl: string) {
  const [enriched, setEnriched] = useState(0);
  const index = useMemo(() => new SearchIndex(rooms ?? []), [rooms]);
  const filter = useMemo(() => new RoomFilter(index), [index]);
  useEffect(() => {
    let stopped = false;
    // Pinyin keys fill in after the list is on screen: the dictionary is a separate chunk,
    // loaded once, and the filter re-runs when the keys are ready.
    void import('../lib/pinyin-keys')
      .then(({ pinyinKey }) => index.enrich(pinyinKey, () => stopped))
      .then(() => {
        if (!stopped) setEnriched((n) => n + 1);
      });
    return () => {
      stopped = true;
    };
  }, [index]);

  const sorted = useMemo(() => sortRooms(index.rooms, query.sort, intl), [index, query.sort, intl]);
  const shown = useMemo(
    () => filter.apply(sorted, query),
    // `enriched` is a dependency on purpose: it re-runs the filter once pinyin keys exist.
    [filter, sorted, query, enriched],
  );

  useLayoutEffect(() => {
    if (rooms !== null) markOnce('picker-rendered');
    keystrokeDone('picker-search');
  }, [rooms, shown]);
  return { sorted, shown };
}
