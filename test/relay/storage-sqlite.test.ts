import { DatabaseSync } from 'node:sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectorySnapshot, RelayStorage } from '../../main/relay/ports';
import { openSqliteStorage } from '../../main/relay/storage/sqlite';
import { SQLITE_SCHEMA_VERSION } from '../../main/relay/storage/sqlite-schema';

/**
 * What only the SQLite storage shows: the bucket arithmetic and the lease expiry on an injected
 * clock (exact numbers, no waiting), and the file itself (WAL, schema version, reopening).
 */

let dir = '';
let file = '';
let clockMs = 1_000_000;
const now = (): number => clockMs;
const opened: RelayStorage[] = [];

function open(): RelayStorage {
  const storage = openSqliteStorage({ path: file, now, lease: { leaseMs: 1_000, pollMs: 5 } });
  opened.push(storage);
  return storage;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-sqlite-'));
  file = path.join(dir, 'relay.db');
  clockMs = 1_000_000;
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('sqlite rate budget', () => {
  it('refills at the rule’s rate and answers the exact wait', async () => {
    const { budget } = open();
    const rule = { capacity: 5, refillPerSecond: 2 };
    for (let i = 0; i < 5; i += 1) expect(await budget.take('company', rule)).toEqual({ ok: true });
    expect(await budget.take('company', rule)).toEqual({ ok: false, retryAfterMs: 500 });
    clockMs += 499;
    expect(await budget.take('company', rule)).toEqual({ ok: false, retryAfterMs: 1 });
    clockMs += 1;
    expect(await budget.take('company', rule)).toEqual({ ok: true });
    // A cost of 3 on an empty bucket: 1.5 s.
    expect(await budget.take('company', rule, 3)).toEqual({ ok: false, retryAfterMs: 1_500 });
  });

  it('never holds more than its capacity, however long it was idle', async () => {
    const { budget } = open();
    const rule = { capacity: 2, refillPerSecond: 10 };
    await budget.take('company', rule, 2);
    clockMs += 3_600_000;
    expect(await budget.take('company', rule, 2)).toEqual({ ok: true });
    expect((await budget.take('company', rule)).ok).toBe(false);
  });

  it('refills nothing when the clock steps back', async () => {
    const { budget } = open();
    const rule = { capacity: 1, refillPerSecond: 1 };
    await budget.take('company', rule);
    clockMs -= 60_000;
    expect((await budget.take('company', rule)).ok).toBe(false);
    clockMs += 60_000 + 999;
    expect((await budget.take('company', rule)).ok).toBe(false);
    clockMs += 1;
    expect(await budget.take('company', rule)).toEqual({ ok: true });
  });

  it('refuses a rule or cost no bucket can serve', async () => {
    const { budget } = open();
    await expect(budget.take('k', { capacity: 0, refillPerSecond: 1 })).rejects.toThrow(RangeError);
    await expect(budget.take('k', { capacity: 1, refillPerSecond: 0 })).rejects.toThrow(RangeError);
    await expect(budget.take('k', { capacity: 1, refillPerSecond: 1 }, 0)).rejects.toThrow(
      RangeError,
    );
  });
});

describe('sqlite directory lease', () => {
  it('takes over from a holder that never finished once its lease expired', async () => {
    const first = open();
    const second = open();
    // The first holder hangs (as a process that died mid-refresh would).
    void first.directory.refreshOnce('company', () => new Promise<DirectorySnapshot>(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let refreshed = 0;
    const waiting = second.directory.refreshOnce('company', () => {
      refreshed += 1;
      return Promise.resolve({ rooms: [], fetchedAtMs: clockMs });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refreshed).toBe(0); // still waiting: the lease has not expired
    clockMs += 1_000;
    expect(await waiting).toEqual({ rooms: [], fetchedAtMs: clockMs });
    expect(refreshed).toBe(1);
  });
});

describe('sqlite file', () => {
  it('is in WAL mode, at the current schema version, and keeps data across reopening', async () => {
    const storage = open();
    await storage.tokens.insert(
      {
        id: 't1',
        operatorId: 'alice',
        label: 'x',
        createdAtMs: 1,
        expiresAtMs: null,
        revokedAtMs: null,
      },
      'h1',
    );
    await storage.close();
    const reopened = open();
    expect((await reopened.tokens.findByHash('h1'))?.id).toBe('t1');
    const raw = new DatabaseSync(file, { readOnly: true });
    try {
      expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(raw.prepare('SELECT version FROM relay_schema').all()).toEqual([
        { version: SQLITE_SCHEMA_VERSION },
      ]);
    } finally {
      raw.close();
    }
  });

  it('refuses a file a newer relay wrote, and leaves it as it was', async () => {
    await open().close();
    const raw = new DatabaseSync(file);
    raw.exec(`UPDATE relay_schema SET version = ${SQLITE_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => open()).toThrow(/schema version 2.*knows up to 1/);
    const check = new DatabaseSync(file, { readOnly: true });
    expect(check.prepare('SELECT version FROM relay_schema').get()).toEqual({
      version: SQLITE_SCHEMA_VERSION + 1,
    });
    check.close();
  });

  it('rejects calls after close instead of hanging', async () => {
    const storage = open();
    await storage.close();
    await expect(storage.tokens.list()).rejects.toThrow();
    await expect(storage.ping()).rejects.toThrow();
  });
});
