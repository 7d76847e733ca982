import { z } from 'zod';

/**
 * The favourites' data model, on its own so the IPC contract can share it: zod and nothing
 * else (no Node, no file access). The store is favorites.ts.
 *
 * The file's schema checks structure only; the full dial-string and room-ID rules run when a
 * favourite is added or imported (favorites.ts). That way a stricter rule in a later version
 * never turns a user's existing list into a "corrupt" file.
 */

export const MAX_FAVORITES = 500;
export const MAX_LABEL = 100;
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

export type RoomFavorite = z.output<typeof roomFavoriteSchema>;
export type AddressFavorite = z.output<typeof addressFavoriteSchema>;
export type Favorite = z.output<typeof favoriteSchema>;

/** What two favourites must not share. A `sip:` prefix is optional to the API, so ignored. */
export function favoriteKey(
  favorite:
    | Pick<RoomFavorite, 'kind' | 'meetingRoomId'>
    | Pick<AddressFavorite, 'kind' | 'protocol' | 'dialString'>,
): string {
  if (favorite.kind === 'room') return `room:${favorite.meetingRoomId}`;
  const dial = favorite.dialString.toLowerCase();
  const bare = favorite.protocol === 'sip' && dial.startsWith('sip:') ? dial.slice(4) : dial;
  return `${favorite.protocol}:${bare}`;
}

/** A hand-edited file may repeat an entry: the first one wins, nothing else changes. */
function withoutDuplicates(items: readonly Favorite[]): Favorite[] {
  const ids = new Set<string>();
  const keys = new Set<string>();
  return items.filter((item) => {
    const key = favoriteKey(item);
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

type FavoritesFile = z.output<typeof favoritesFileSchema>;

/**
 * A favourites file that breaks the schema in some entries only (one label of 101 characters,
 * hand-edited): the valid entries are kept, in their order; the invalid ones, and any past
 * MAX_FAVORITES, are handed back with why, for the store to keep beside the file
 * (json-document.ts's `salvage`). Null when the list itself is not usable.
 */
export function salvageFavorites(fields: Record<string, unknown>): {
  value: FavoritesFile;
  rejected: unknown[];
  reasons: string[];
} | null {
  const items = fields['items'];
  if (!Array.isArray(items)) return null;
  const valid: Favorite[] = [];
  const rejected: unknown[] = [];
  const reasons: string[] = [];
  for (const item of items as unknown[]) {
    const parsed = favoriteSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where =
        issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
      rejected.push(item);
      reasons.push(`${where}${issue?.message ?? 'not a favourite'}`);
    } else if (valid.length >= MAX_FAVORITES) {
      rejected.push(item);
      reasons.push(`more than ${MAX_FAVORITES} favourites`);
    } else {
      valid.push(parsed.data);
    }
  }
  const value = favoritesFileSchema.safeParse({ items: valid });
  if (!value.success || rejected.length === 0) return null;
  return { value: value.data, rejected, reasons };
}

/** What people see: the label, else the room's name, else what is dialled. */
export function favoriteDisplayName(favorite: Favorite): string {
  if (favorite.label !== null) return favorite.label;
  if (favorite.kind === 'room')
    return favorite.name === '' ? favorite.meetingRoomId : favorite.name;
  return favorite.dialString;
}
