import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openHistory, type NewHistoryEntry } from '../../main/core/store/history';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';
import { MAX_HISTORY } from '../../main/shared/model/history-schema';

const invite = (n: number): NewHistoryEntry => ({
  target: { kind: 'room', meetingRoomId: String(n), name: `Room ${n}` },
  meeting: { meetingId: '7567173273889276131', meetingCode: '123456789', subject: 'Weekly' },
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
});

describe('recent invites', () => {
  const dir = useTempDir();
  let ids = 0;
  const open = (onWarning: (warning: StoreWarning) => void = () => undefined) =>
    openHistory({ dir: dir(), onWarning, newId: () => `h${(ids += 1)}` });

  it('starts empty', async () => {
    expect(await open().load()).toEqual({ value: [], readOnly: false });
  });

  it('records newest first, with an ISO time, and reads back from disk', async () => {
    const store = open();
    const first = await store.record(invite(1));
    await store.record({
      target: { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' },
      meeting: { meetingId: '1' },
      outcome: 'failed',
      detail: 'api 9003',
    });
    expect(first).toMatchObject({
      at: '2026-01-01T00:00:01.000Z',
      outcome: 'invited',
      detail: null,
      meeting: { meetingId: '7567173273889276131', meetingCode: '123456789', subject: 'Weekly' },
    });
    const { value } = await open().load();
    expect(value.map((entry) => entry.target)).toEqual([
      { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' },
      { kind: 'room', meetingRoomId: '1', name: 'Room 1' },
    ]);
    expect(value[0]).toMatchObject({
      outcome: 'failed',
      detail: 'api 9003',
      meeting: { meetingCode: null, subject: null },
    });
  });

  it(`keeps only the newest ${MAX_HISTORY}`, async () => {
    const store = open();
    for (let n = 1; n <= MAX_HISTORY + 5; n += 1) await store.record(invite(n));
    const { value } = await store.load();
    expect(value).toHaveLength(MAX_HISTORY);
    expect(value[0]?.target).toMatchObject({ meetingRoomId: String(MAX_HISTORY + 5) });
    expect(value.at(-1)?.target).toMatchObject({ meetingRoomId: '6' });
  });

  it('sets how an invite ended', async () => {
    const store = open();
    const entry = await store.record(invite(1));
    expect(await store.setOutcome(entry.id, 'accepted')).toMatchObject({ outcome: 'accepted' });
    expect(await store.setOutcome('gone', 'accepted')).toBeNull();
    expect((await store.load()).value[0]?.outcome).toBe('accepted');
  });

  it('clears', async () => {
    const store = open();
    await store.record(invite(1));
    await store.clear();
    expect((await store.load()).value).toEqual([]);
  });

  it('refuses a meeting id that is not a decimal string', async () => {
    const store = open();
    await expect(store.record({ ...invite(1), meeting: { meetingId: '12ab' } })).rejects.toThrow();
  });

  it('cuts a longer hand-edited list instead of refusing it', async () => {
    const store = open();
    await store.record(invite(1));
    const file = JSON.parse(await readFile(store.file, 'utf8')) as { entries: unknown[] };
    const [only] = file.entries;
    const entries = Array.from({ length: MAX_HISTORY + 20 }, () => only);
    await writeFile(store.file, JSON.stringify({ version: 1, entries }));
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    expect((await open(onWarning).load()).value).toHaveLength(MAX_HISTORY);
    expect(warnings).toEqual([]);
  });
});
