import type { z } from 'zod';
import {
  favoriteSchema,
  favoritesFileSchema,
  MAX_FAVORITES,
  type Favorite,
} from '../../shared/model/favorites-schema';

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
