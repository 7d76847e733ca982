/** The IPC contract's favourites verbs and their payloads (assembled in contract.ts). */
import { z } from 'zod';
import { addressFavoriteSchema, roomFavoriteSchema } from '../model/favorites-schema';
import { addressFields, favoriteId, label, none, roomFields } from './shapes';

export const importReportSchema = z.object({
  added: z.number().int(),
  /** The first skipped entries (at most 20, favorites-import.ts's MAX_REPORTED_SKIPS). */
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  /** How many were skipped in all; absent from older answers (then skipped.length). */
  skippedCount: z.number().int().min(0).optional(),
});
/** What an import did, as the windows show it (the store's own ImportReport lists the items). */
export type ImportReportView = z.output<typeof importReportSchema>;

/**
 * A favourite as the windows see it: the stored shape (favorites-schema.ts, unchanged on disk)
 * plus `managed`, true for the organisation's (managed configuration), which cannot be removed,
 * renamed, edited or moved. The windows go by this flag, never by the id.
 */
const managed = { managed: z.boolean() };
const favoriteViewSchema = z.discriminatedUnion('kind', [
  roomFavoriteSchema.extend(managed),
  addressFavoriteSchema.extend(managed),
]);
export type FavoriteView = z.output<typeof favoriteViewSchema>;

export const favoriteListSchema = z.array(favoriteViewSchema);

const newFavoriteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room'), ...roomFields, label: label.optional() }).strict(),
  z.object({ kind: z.literal('mra'), ...addressFields }).strict(),
]);

/** The saved favourites: listed, added, edited, moved, exported and imported. */
export const favoriteVerbs = {
  listFavorites: { request: none, response: favoriteListSchema },
  addFavorite: {
    request: newFavoriteSchema,
    response: z.object({ status: z.enum(['added', 'duplicate']), favorite: favoriteViewSchema }),
  },
  removeFavorite: { request: z.object({ id: favoriteId }).strict(), response: favoriteListSchema },
  moveFavorite: {
    request: z.object({ id: favoriteId, toIndex: z.number().int().min(0).max(10_000) }).strict(),
    response: favoriteListSchema,
  },
  renameFavorite: {
    request: z.object({ id: favoriteId, label }).strict(),
    response: favoriteListSchema,
  },
  /**
   * A new protocol, dial string and label for an address favourite, in one change that keeps
   * its id and place: refused whole (nothing changed) when another favourite calls that address.
   */
  updateAddressFavorite: {
    request: z.object({ id: favoriteId, ...addressFields }).strict(),
    response: favoriteListSchema,
  },
  /**
   * Main asks where to save (the native save dialog; the web preview saves into its own
   * exports folder) and writes the favourites there. `saved` only once the file is written.
   */
  exportFavorites: {
    request: none,
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  importFavorites: {
    request: z.object({ json: z.string().max(5 * 1024 * 1024) }).strict(),
    response: importReportSchema,
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
