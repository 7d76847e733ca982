/**
 * Hostile favourites files, as a colleague could send one: for the import tests and the bench.
 */

/**
 * A favourites export listing `count` bogus entries (`1`, two bytes each): 2.6 million make
 * the 5 MB file that once made `favorites import` peak at 1.2 GB (issue 15).
 */
export function hostileImportFile(count: number): string {
  const entries = count === 0 ? '' : `${'1,'.repeat(count - 1)}1`;
  return `{"format":"roomcall-favorites","version":1,"favorites":[${entries}]}`;
}
