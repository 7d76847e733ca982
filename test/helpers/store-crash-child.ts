/**
 * The crash test's victim: writes the stores (a test document, the settings, the history and
 * the favourites) as fast as it can until it is SIGKILLed. After
 * every round of writes it prints the round's number on stdout (synchronously, so the parent
 * knows exactly which rounds completed before the kill).
 *
 *   node store-crash-child.mjs <dir> <first seq> <rounds>
 */
import { writeSync } from 'node:fs';
import { openFavorites } from '../../main/core/store/favorites';
import { openHistory } from '../../main/core/store/history';
import { openJsonDocument } from '../../main/core/store/json-document';
import { openSettings } from '../../main/core/store/settings';
import { blobFor, crashDocSchema, FAVORITES_KEPT } from './store-crash-shared';

async function main(): Promise<void> {
  const [dir, firstText, roundsText] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: <dir> <first seq> <rounds>');
  const first = Number(firstText ?? '0');
  const rounds = Number(roundsText ?? '500');
  const onWarning = (warning: { message: string }) => {
    // A warning means a file was found damaged: the parent fails the test on this line.
    writeSync(2, `WARNING ${warning.message}\n`);
  };
  const doc = openJsonDocument(
    { name: 'crash test', fileName: 'crash.json', version: 1, schema: crashDocSchema },
    { dir, onWarning },
  );
  const settings = openSettings({ dir, onWarning });
  const history = openHistory({ dir, onWarning });
  const favorites = openFavorites({ dir, onWarning });
  writeSync(1, 'ready\n');
  for (let seq = first; seq < first + rounds; seq += 1) {
    await Promise.all([
      doc.update(() => ({ seq, blob: blobFor(seq) })),
      settings.update({ operatorId: `op-${seq}`, pollIntervalMs: 500 + (seq % 1000) }),
      history.record({
        target: { kind: 'room', meetingRoomId: String(seq + 1), name: null },
        meeting: { meetingId: String(seq + 1) },
      }),
      // The favourites: the oldest removed down to FAVORITES_KEPT - 1, then one added.
      (async () => {
        const { value } = await favorites.load();
        for (const old of value.slice(0, Math.max(0, value.length - FAVORITES_KEPT + 1))) {
          await favorites.remove(old.id);
        }
        await favorites.add({
          kind: 'mra',
          protocol: 'sip',
          dialString: `r${seq}@vc.example.com`,
          label: `seq ${seq}`,
        });
      })(),
    ]);
    writeSync(1, `${seq}\n`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});
