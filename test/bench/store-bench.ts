import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDirectoryCache } from '../../main/core/store/directory-cache';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ENTRIES,
  parseFavoritesFile,
} from '../../main/core/store/favorites-import';
import { openFavorites } from '../../main/core/store/favorites';
import { bigDirectory } from '../helpers/big-directory';
import { hostileImportFile } from '../helpers/hostile-favorites';
import { median } from './stats';

/**
 * The local stores at their limits (issue 15): a room directory of 50,000 rooms written to and
 * read from the cache, and hostile favourites imports (refused by size, by entry count, and a
 * file of the most entries allowed, nearly all bogus). Figures only; the tests check behaviour.
 */

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchStores(runs: number): Promise<string[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-bench-stores-'));
  try {
    const rows: string[][] = [];
    const rooms = bigDirectory(50_000);
    const scope = 'bench@loopback';
    const cache = openDirectoryCache({ dir, onWarning: () => undefined });
    const writes: number[] = [];
    const reads: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      writes.push(await timed(() => cache.save(rooms, scope)));
      // A fresh store each time: what the next start reads.
      reads.push(
        await timed(() => openDirectoryCache({ dir, onWarning: () => undefined }).load(scope)),
      );
    }
    const size = (await stat(cache.file)).size;
    rows.push(['directory cache, 50,000 rooms: write', ms(median(writes)), mb(size)]);
    rows.push(['directory cache, 50,000 rooms: read', ms(median(reads)), '']);

    const imports: [string, string][] = [
      ['import, 5 MB of 2.6 M bogus entries (size cap)', hostileImportFile(2_600_000)],
      [
        `import, ${mb(MAX_IMPORT_BYTES)} of 1 M bogus entries (entry cap)`,
        hostileImportFile(Math.floor((MAX_IMPORT_BYTES - 100) / 2)),
      ],
      [
        `import, ${MAX_IMPORT_ENTRIES} entries, all invalid (bounded report)`,
        JSON.stringify({
          format: 'roomcall-favorites',
          version: 1,
          favorites: Array.from({ length: MAX_IMPORT_ENTRIES }, () => ({
            kind: 'mra',
            label: 'L'.repeat(900),
          })),
        }),
      ],
    ];
    for (const [name, text] of imports) {
      const times: number[] = [];
      let outcome = '';
      for (let run = 0; run < runs; run += 1) {
        const store = openFavorites({ dir, onWarning: () => undefined });
        times.push(
          await timed(async () => {
            try {
              const report = await store.importFavorites(parseFavoritesFile(text));
              outcome = `report ${JSON.stringify(report).length} characters`;
            } catch (error) {
              outcome = `refused: ${(error as Error).message.length} characters`;
            }
          }),
        );
      }
      rows.push([name, ms(median(times)), outcome]);
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
