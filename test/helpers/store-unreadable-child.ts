/**
 * Opens the settings in <dir> (twice) and saves one change, as whatever user it runs as, and
 * prints what happened as JSON: used to test permission cases as a non-root user when the
 * test suite runs as root.
 */
import { writeSync } from 'node:fs';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { openSettings } from '../../main/core/store/settings';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: <dir>');
  const warnings: StoreWarning[] = [];
  const settings = openSettings({ dir, onWarning: (warning) => warnings.push(warning) });
  const loaded = await settings.load();
  await settings.load();
  let saved: unknown;
  try {
    saved = await settings.update({ operatorId: 'after' });
  } catch (error) {
    saved = { error: error instanceof Error ? error.name : String(error) };
  }
  writeSync(1, JSON.stringify({ loaded, warnings, saved }));
}

main().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});
