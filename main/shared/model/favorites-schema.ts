import { z } from 'zod';
import { MAX_LABEL } from '../rules/favorites';
import { targetKey } from '../rules/targets';

/**
 * The favourites' data model, on its own so the IPC contract can share it: zod and nothing
 * else (no Node, no file access). The store is main/core/store/favorites.ts.
 *
 * The file's schema checks structure only; the full dial-string and room-ID rules run when a
 * favourite is added or imported (main/core/store/favorites.ts). That way a stricter rule in a later version
 * never turns a user's existing list into a "corrupt" file.
 */

export const MAX_FAVORITES = 500;
export const MAX_ROOM_TEXT = 200;

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const labelSchema = z.string().min(1).max(MAX_LABEL).nullable().default(null);

export const roomFavoriteSchema = z.object({
  id: idSchema,
  kind: z.literal('room'),
  meetingRoomId: z.string().min(1).max(128),
  /** meeting_room_name when last seen in the directory. */
  name: z.string().max(MAX_ROOM_TEXT).default(''),
  /** meeting_room_location when last seen ('' when the API gave none). */
  location: z.string().max(MAX_ROOM_TEXT).default(''),
  /** The user's own name for it; null shows the room's name. */
  label: labelSchema,
});

export const addressFavoriteSchema = z.object({
  id: idSchema,
  kind: z.literal('mra'),
  protocol: z.enum(['sip', 'h323']),
  dialString: z.string().min(1).max(255),
  label: labelSchema,
});

export const favoriteSchema = z.discriminatedUnion('kind', [
  roomFavoriteSchema,
  addressFavoriteSchema,
]);

export type AddressFavorite = z.output<typeof addressFavoriteSchema>;
export type Favorite = z.output<typeof favoriteSchema>;

/**
 * A hand-edited file may repeat an entry (the same id, or what targetKey calls the same room or
 * address): the first one wins, nothing else changes.
 */
function withoutDuplicates(items: readonly Favorite[]): Favorite[] {
  const ids = new Set<string>();
  const keys = new Set<string>();
  return items.filter((item) => {
    const key = targetKey(item);
    if (ids.has(item.id) || keys.has(key)) return false;
    ids.add(item.id);
    keys.add(key);
    return true;
  });
}

export const favoritesFileSchema = z.object({
  items: z.array(favoriteSchema).max(MAX_FAVORITES).default([]).transform(withoutDuplicates),
});

export const FAVORITES_VERSION = 1;
