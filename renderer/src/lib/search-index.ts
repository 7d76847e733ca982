import { cached } from './cached';
import { foldForSearch } from './search-text';
import type { RoomView } from '../../../main/shared/ipc/contract';

/** The words of a query; a room matches when its key contains every one. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * One search key for several texts (name, location, their pinyin…), folded. \u0001 separates
 * them: no typed word contains it, so no match spans two fields.
 */
export function searchKey(texts: readonly string[]): string {
  return foldForSearch(texts.filter((text) => text !== '').join('\u0001'));
}

/** Whether a key holds every word of a query (queryWords). */
export function keyMatches(key: string, words: readonly string[]): boolean {
  for (const word of words) if (!key.includes(word)) return false;
  return true;
}

/**
 * Precomputed search keys for the directory, so a keystroke is one `includes` per room and
 * word. The keys start as name + location and gain pinyin in the background (enrich), a few
 * hundred rooms per slice, so opening the picker never waits for the dictionary.
 */
export class SearchIndex {
  readonly rooms: readonly RoomView[];
  private readonly keys: string[];
  private readonly byId: Map<string, number>;
  /** Bumped when keys change, so cached narrowing from an older generation is discarded. */
  generation = 0;

  constructor(rooms: readonly RoomView[]) {
    this.rooms = rooms;
    // \u0001 between the fields, as searchKey: no match spans two fields.
    this.keys = rooms.map((room) => foldForSearch(`${room.name}\u0001${room.location}`));
    this.byId = new Map(rooms.map((room, index) => [room.meetingRoomId, index]));
  }

  /** Adds pinyin keys in slices, yielding between them; resolves when done or stopped. */
  async enrich(
    pinyinKey: (text: string) => string,
    isStopped: () => boolean,
    slice = 400,
  ): Promise<void> {
    const cache = new Map<string, string>();
    const keyOf = (text: string) => cached(cache, text, pinyinKey);
    for (let start = 0; start < this.rooms.length; start += slice) {
      if (isStopped()) return;
      const end = Math.min(this.rooms.length, start + slice);
      for (let index = start; index < end; index += 1) {
        const room = this.rooms[index];
        if (room === undefined) continue;
        const extra = [keyOf(room.name), keyOf(room.location)].filter((key) => key !== '');
        if (extra.length > 0)
          this.keys[index] = `${this.keys[index] ?? ''}\u0001${extra.join('\u0001')}`;
      }
      this.generation += 1;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  matches(room: RoomView, words: readonly string[]): boolean {
    const index = this.byId.get(room.meetingRoomId);
    return keyMatches(index === undefined ? '' : (this.keys[index] ?? ''), words);
  }
}
