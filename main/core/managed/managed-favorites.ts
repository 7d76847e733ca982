import { type Favorite } from '../../shared/model/favorites-schema';
import type { ManagedConfig } from './managed-config';
import { targetKey } from '../../shared/rules/targets';

/**
 * The favourites a person sees, for the app and the CLI alike (docs/managed-config.md): their
 * own, in their order (`managed: false`), then the ones the organisation gives everybody
 * (`managed: true`), which cannot be removed, renamed, edited or moved. An organisation's
 * favourite the person also saved shows once, as theirs. Computed when listed: the person's
 * file is never rewritten with the organisation's.
 */

/**
 * What the organisation's favourites' ids start with, to keep them apart from the stored ones
 * (whose ids RoomCall makes from random hex; managedFavoriteId steps around any other id a
 * hand-edited file holds). Whether a favourite is the organisation's is its `managed` flag,
 * never this prefix.
 */
export const MANAGED_FAVORITE_PREFIX = 'org-';

/** A favourite as listed: the stored shape, and whether it is the organisation's. */
export type ListedFavorite = Favorite & { readonly managed: boolean };

/**
 * The id of the organisation's favourite at 0-based `index` of the managed configuration:
 * `org-1`, `org-2`…, unless the person's own file already holds that id (only a hand-edited
 * file can: RoomCall's own ids are hex), in which case `org-1-2`, `org-1-3`… until one is
 * free. So no id names two favourites, and the person's own keep theirs: their file is neither
 * rewritten nor read differently. ('org-' and digits, then '-' and digits, reads back one way
 * only, so two of the organisation's never share one either.)
 */
export function managedFavoriteId(index: number, ownIds: ReadonlySet<string>): string {
  const base = `${MANAGED_FAVORITE_PREFIX}${index + 1}`;
  let id = base;
  for (let next = 2; ownIds.has(id); next += 1) id = `${base}-${next}`;
  return id;
}

/** The person's own favourites, then the organisation's; every id in it names one favourite. */
export function listFavorites(
  own: readonly Favorite[],
  managed: ManagedConfig | null,
): ListedFavorite[] {
  const keys = new Set(own.map(targetKey));
  const ownIds = new Set(own.map((item) => item.id));
  const organisation = (managed?.favorites ?? []).flatMap((fields, index): ListedFavorite[] =>
    keys.has(targetKey(fields))
      ? []
      : [{ ...fields, id: managedFavoriteId(index, ownIds), managed: true }],
  );
  return [...own.map((item): ListedFavorite => ({ ...item, managed: false })), ...organisation];
}
