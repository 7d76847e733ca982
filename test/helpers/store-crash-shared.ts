import { z } from 'zod';

/** What the crash test's child writes and its parent checks. */
export const crashDocSchema = z.object({ seq: z.int().default(-1), blob: z.string().default('') });

/** Different sizes, so writes take different times and kills land at different stages. */
export function blobFor(seq: number): string {
  return `${seq}:`.repeat(1 + ((seq * 7919) % 25_000));
}

/** The crash test's child keeps the newest favourites, one more only between its two writes. */
export const FAVORITES_KEPT = 20;
