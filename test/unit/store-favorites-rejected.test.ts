import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLabel } from '../../main/core/store/favorites-check';
import { openFavorites } from '../../main/core/store/favorites';
import { MAX_FAVORITES } from '../../main/shared/model/favorites-schema';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';

/**
 * One invalid favourite (a 101-character label, hand-edited) once moved the whole list aside;
 * now the valid ones stay, the invalid ones are kept in `favorites.rejected-<time>.json`, and
 * every process warns until the user has seen it. Each openFavorites here stands for a
 * process: warnings are told once per store.
 */

const room = (id: string, label: string | null = null) => ({
  id: `r${id}`,
  kind: 'room',
  meetingRoomId: id,
  name: `Room ${id}`,
  location: '',
  label,
});

describe('favourites with invalid entries', () => {
  const dir = useTempDir();
  const fixed = new Date('2026-12-03T10:00:00.000Z');
  const open = (onWarning: (warning: StoreWarning) => void = () => undefined) =>
    openFavorites({ dir: dir(), onWarning, now: () => fixed });
  const file = () => path.join(dir(), 'favorites.json');
  const rejectedFile = () => path.join(dir(), 'favorites.rejected-2026-12-03T10-00-00-000Z.json');

  async function writeList(items: unknown[]): Promise<void> {
    await writeFile(file(), JSON.stringify({ version: 1, items }));
  }

  it('keeps the valid ones in place, the invalid one beside the file, and says where', async () => {
    const bad = room('2', 'L'.repeat(101));
    await writeList([room('1'), bad, room('3'), { kind: 'mystery' }]);
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    const loaded = await open(onWarning).load();
    expect(loaded.readOnly).toBe(false);
    expect(loaded.value.map((item) => item.id)).toEqual(['r1', 'r3']);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      document: 'favourites',
      reason: 'partly-invalid',
      movedTo: rejectedFile(),
      readOnly: false,
    });
    expect(warnings[0]?.message).toContain(`They were kept in ${rejectedFile()}`);

    // The file now holds the valid ones only; nothing was moved aside as "corrupt".
    const saved = JSON.parse(await readFile(file(), 'utf8')) as { items: { id: string }[] };
    expect(saved.items.map((item) => item.id)).toEqual(['r1', 'r3']);
    expect((await readdir(dir())).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    const kept = JSON.parse(await readFile(rejectedFile(), 'utf8')) as {
      entries: unknown[];
      reasons: string[];
    };
    expect(kept.entries).toEqual([bad, { kind: 'mystery' }]);
    expect(kept.reasons[0]).toMatch(/^label: /);
    expect(kept.reasons).toHaveLength(2);
  });

  it('every process warns until the user has seen it; then none does', async () => {
    await writeList([room('1'), room('2', 'L'.repeat(101))]);
    await open().load();
    for (let run = 0; run < 2; run += 1) {
      const { warnings, onWarning } = collectWarnings<StoreWarning>();
      const store = open(onWarning);
      await store.load();
      await store.load();
      // Once per process, not on every load.
      expect(warnings.map((warning) => warning.movedTo)).toEqual([rejectedFile()]);
    }
    expect(await open().acknowledgeRejected()).toEqual([rejectedFile()]);
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    await open(onWarning).load();
    expect(warnings).toEqual([]);
    // The kept entries stay for the user to fix.
    expect(await readFile(rejectedFile(), 'utf8')).toContain('LLLL');
  });

  it('an update of a partly invalid file keeps the valid entries and adds to them', async () => {
    await writeList([room('1'), room('2', 'L'.repeat(101))]);
    const store = open();
    await store.add({ kind: 'mra', protocol: 'sip', dialString: 'a@vc.example.com', label: 'A' });
    expect((await store.load()).value.map((item) => item.kind)).toEqual(['room', 'mra']);
  });

  it('past the most there can be, the rest is kept aside too', async () => {
    await writeList(
      Array.from({ length: MAX_FAVORITES + 3 }, (_, index) => room(String(index + 1))),
    );
    const loaded = await open().load();
    expect(loaded.value).toHaveLength(MAX_FAVORITES);
    const kept = JSON.parse(await readFile(rejectedFile(), 'utf8')) as { reasons: string[] };
    expect(kept.reasons).toEqual(Array(3).fill(`more than ${MAX_FAVORITES} favourites`));
  });

  it('a list that is not a list at all is still moved aside whole', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, items: 'everything' }));
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    expect((await open(onWarning).load()).value).toEqual([]);
    expect(warnings[0]).toMatchObject({ reason: 'invalid-data' });
    expect(warnings[0]?.movedTo).toMatch(/favorites\.corrupt-/);
  });
});

describe('labels', () => {
  it.each([
    ['U+202E (right-to-left override)', 'Room\u202Emoc.exe'],
    ['U+202A', 'a\u202Ab'],
    ['U+2066 (isolate)', 'a\u2066b'],
    ['U+2069', 'a\u2069b'],
    ['U+200E (LRM)', 'a\u200Eb'],
    ['U+200F (RLM)', 'a\u200Fb'],
    ['U+061C (ALM)', 'a\u061Cb'],
  ])('refuse the text-direction control %s, in both languages', (_, label) => {
    expect(checkLabel(label)).toEqual({
      ok: false,
      message: 'a label cannot contain text-direction control characters (U+202E and the like)',
    });
    expect(checkLabel(label, 'zh-CN')).toEqual({
      ok: false,
      message: '名称不能包含文字方向控制字符（如 U+202E）。',
    });
  });

  it.each([
    ['U+0085 (NEXT LINE, C1)', 'a\u0085b'],
    ['U+009B (CSI, C1)', 'a\u009B2Jb'],
    ['U+001B (ESC, C0)', 'a\u001B[2Jb'],
    ['U+007F (DEL)', 'a\u007Fb'],
  ])('refuse the control character %s', (_, label) => {
    expect(checkLabel(label)).toMatchObject({ ok: false, message: /control characters/ });
  });

  it('keep Arabic, Hebrew and Chinese text as typed', () => {
    for (const label of ['غرفة الاجتماعات', 'חדר ישיבות', '长城厅 5F']) {
      expect(checkLabel(label)).toEqual({ ok: true, value: label });
    }
  });
});
