import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  DirectorySnapshot,
  RelayStorage,
  TokenRecord,
} from '../../main/relay/ports';
import { openRelayStorage, type RelayStorageOptions } from '../../main/relay/storage/index';
import { backendsSkipReason, startBackends, type Backends } from './support/backends';

/**
 * The storage ports' contract, run against every backend: SQLite, and PostgreSQL + Redis (real
 * servers, started by test/relay/support/backends.ts). Each test gets empty storage.
 */

interface Subject {
  readonly name: string;
  /** Empty storage for the next test. */
  reset(): Promise<void>;
  /** One more instance on the same storage (another process would open the same). */
  open(): Promise<RelayStorage>;
  dispose(): Promise<void>;
}

const lease = { leaseMs: 5_000, pollMs: 10 };

function sqliteSubject(): Subject {
  let dir = '';
  return {
    name: 'sqlite',
    reset: async () => {
      if (dir !== '') await rm(dir, { recursive: true, force: true });
      dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-sqlite-'));
    },
    open: () => openRelayStorage({ kind: 'sqlite', path: path.join(dir, 'relay.db') }, { lease }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

function postgresRedisSubject(): Subject {
  let backends: Backends | undefined;
  let prefix = '';
  const options = (): Extract<RelayStorageOptions, { kind: 'postgres' }> => {
    if (backends === undefined) throw new Error('backends not started');
    return { kind: 'postgres', databaseUrl: backends.databaseUrl, redisUrl: backends.redisUrl };
  };
  return {
    name: 'postgres+redis',
    reset: async () => {
      backends ??= await startBackends();
      // Empty tables (once the first open has migrated them) and fresh Redis keys.
      await (await openRelayStorage(options())).close();
      const { Client } = await import('pg');
      const sql = new Client({ connectionString: options().databaseUrl });
      await sql.connect();
      await sql.query('TRUNCATE relay_tokens, relay_audit');
      await sql.end();
      prefix = `test:${randomUUID()}:`;
    },
    open: () => openRelayStorage(options(), { lease, keyPrefix: prefix }),
    dispose: async () => {
      await backends?.stop();
    },
  };
}

const subjects = [
  { make: sqliteSubject, skip: null },
  { make: postgresRedisSubject, skip: backendsSkipReason() },
];

// One contract, every backend.
describe.each(subjects.map(({ make, skip }) => ({ make, skip, name: make().name })))(
  '$name storage',
  ({ make, skip }) => {
    if (skip !== null) {
      it.skip(`needs real servers: ${skip}`, () => undefined);
      return;
    }
    const subject = make();
    const opened: RelayStorage[] = [];
    let storage: RelayStorage;
    const open = async (): Promise<RelayStorage> => {
      const instance = await subject.open();
      opened.push(instance);
      return instance;
    };

    beforeEach(async () => {
      await subject.reset();
      storage = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((instance) => instance.close()));
    });
    afterAll(() => subject.dispose(), 30_000);

    it('answers its ready check, and closes twice without complaint', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
      const other = await open();
      await other.close();
      await expect(other.close()).resolves.toBeUndefined();
      await expect(other.ping()).rejects.toThrow();
    });

    it('stores tokens by hash, finds, lists and revokes them once', async () => {
      const alice = token('tok-a', 'alice', 1_000);
      const bob = { ...token('tok-b', 'bob', 2_000), expiresAtMs: 9_000_000_000_000 };
      await storage.tokens.insert(bob, 'hash-b');
      await storage.tokens.insert(alice, 'hash-a');
      expect(await storage.tokens.findByHash('hash-a')).toEqual(alice);
      expect(await storage.tokens.findByHash('hash-b')).toEqual(bob);
      expect(await storage.tokens.findByHash('hash-unknown')).toBeNull();
      expect(await storage.tokens.list()).toEqual([alice, bob]);

      expect(await storage.tokens.revoke('tok-a', 5_000)).toBe(true);
      expect(await storage.tokens.revoke('tok-a', 6_000)).toBe(false);
      expect(await storage.tokens.revoke('tok-nobody', 6_000)).toBe(false);
      // A revoked token is still found (the verifier must say "revoked", not "unknown").
      expect(await storage.tokens.findByHash('hash-a')).toEqual({ ...alice, revokedAtMs: 5_000 });
      // Another instance sees the revocation at once.
      const other = await open();
      expect((await other.tokens.findByHash('hash-a'))?.revokedAtMs).toBe(5_000);
    });

    it('refuses a second token with the same hash or id', async () => {
      await storage.tokens.insert(token('tok-a', 'alice', 1), 'hash-a');
      await expect(storage.tokens.insert(token('tok-z', 'eve', 2), 'hash-a')).rejects.toThrow();
      await expect(storage.tokens.insert(token('tok-a', 'eve', 2), 'hash-z')).rejects.toThrow();
      expect(await storage.tokens.list()).toHaveLength(1);
    });

    it('keeps the audit log newest first, filtered by time and operator', async () => {
      const meetingId = '1234567890123456789'; // 19 digits: not representable as a JS number
      await storage.audit.append(entry({ atMs: 1_000, requestId: 'r1', operatorId: 'alice' }));
      await storage.audit.append(entry({ atMs: 3_000, requestId: 'r3', operatorId: 'bob' }));
      await storage.audit.append(
        entry({ atMs: 2_000, requestId: 'r2', operatorId: 'alice', meetingId }),
      );
      await storage.audit.append(entry({ atMs: 3_000, requestId: 'r4', operatorId: null }));
      const denied = entry({
        atMs: 4_000,
        requestId: 'r5',
        operatorId: null,
        subject: null,
        via: null,
        outcome: 'denied',
        code: 'unauthenticated',
      });
      await storage.audit.append(denied);

      const ids = (entries: AuditEntry[]): string[] => entries.map((e) => e.requestId);
      // Same millisecond: the one written last comes first.
      expect(ids(await storage.audit.query({}))).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
      expect(ids(await storage.audit.query({ operatorId: 'alice' }))).toEqual(['r2', 'r1']);
      expect(ids(await storage.audit.query({ sinceMs: 2_000, operatorId: 'alice' }))).toEqual([
        'r2',
      ]);
      expect(ids(await storage.audit.query({ sinceMs: 3_000 }))).toEqual(['r5', 'r4', 'r3']);
      expect(ids(await storage.audit.query({ limit: 2 }))).toEqual(['r5', 'r4']);
      const [newest] = await storage.audit.query({ limit: 1 });
      expect(newest).toEqual(denied);
      const [withMeeting] = await storage.audit.query({ operatorId: 'alice', limit: 1 });
      expect(withMeeting?.meetingId).toBe(meetingId);
    });

    it('prunes the audit entries written before a time, and says how many', async () => {
      for (const [atMs, requestId] of [
        [1_000, 'old1'],
        [1_999, 'old2'],
        [2_000, 'kept1'],
        [5_000, 'kept2'],
      ] as const) {
        await storage.audit.append(entry({ atMs, requestId }));
      }
      expect(await storage.audit.prune(2_000)).toBe(2);
      expect((await storage.audit.query({})).map((e) => e.requestId)).toEqual(['kept2', 'kept1']);
      expect(await storage.audit.prune(2_000)).toBe(0);
    });

    it('stores and replaces the directory snapshot per scope', async () => {
      expect(await storage.directory.get('company')).toBeNull();
      await storage.directory.put('company', snapshot('first', 1_000));
      await storage.directory.put('other', snapshot('elsewhere', 1_500));
      const other = await open();
      expect(await other.directory.get('company')).toEqual(snapshot('first', 1_000));
      await other.directory.put('company', snapshot('second', 2_000));
      expect(await storage.directory.get('company')).toEqual(snapshot('second', 2_000));
      expect(await storage.directory.get('other')).toEqual(snapshot('elsewhere', 1_500));
    });

    it('refreshes the directory once for concurrent callers on several instances', async () => {
      const instances = [storage, await open(), await open()];
      let refreshes = 0;
      const refresh = async (): Promise<DirectorySnapshot> => {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return snapshot(`refresh-${refreshes}`, 5_000);
      };
      const results = await Promise.all(
        instances.flatMap((instance) =>
          [1, 2].map(() => instance.directory.refreshOnce('company', refresh)),
        ),
      );
      expect(refreshes).toBe(1);
      for (const result of results) expect(result).toEqual(snapshot('refresh-1', 5_000));
      expect(await storage.directory.get('company')).toEqual(snapshot('refresh-1', 5_000));

      // Once done, the next refreshOnce refreshes again (it is not a cache of the first).
      await storage.directory.refreshOnce('company', refresh);
      expect(refreshes).toBe(2);
    });

    it('lets a waiter refresh when the holder failed', async () => {
      const failing = storage.directory.refreshOnce('company', async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('Tencent did not answer');
      });
      // Watched from the start: on a loaded machine opening the second instance can outlast
      // the holder's 100 ms, and a rejection nobody watches yet fails the whole run.
      const failed = expect(failing).rejects.toThrow('Tencent did not answer');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const other = await open();
      const waiting = other.directory.refreshOnce('company', () =>
        Promise.resolve(snapshot('second try', 7_000)),
      );
      await failed;
      expect(await waiting).toEqual(snapshot('second try', 7_000));
    });

    it('grants a bucket up to its capacity, then says when to retry', async () => {
      const rule = { capacity: 3, refillPerSecond: 1 };
      const key = `person:${randomUUID()}`;
      for (let i = 0; i < 3; i += 1)
        expect(await storage.budget.take(key, rule)).toEqual({ ok: true });
      const refused = await storage.budget.take(key, rule);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000);
      }
      // Another key has its own bucket; another instance shares this one.
      expect(await storage.budget.take('company', rule)).toEqual({ ok: true });
      expect((await (await open()).budget.take(key, rule)).ok).toBe(false);
      // A cost a bucket could never grant is a caller's mistake, refused before any state changes.
      await expect(storage.budget.take('company', rule, 4)).rejects.toThrow(RangeError);
    });

    it('refills the bucket: after retryAfterMs the refused cost is granted', async () => {
      const rule = { capacity: 2, refillPerSecond: 20 };
      expect(await storage.budget.take('company', rule, 2)).toEqual({ ok: true });
      const refused = await storage.budget.take('company', rule, 2);
      if (refused.ok) throw new Error('an empty bucket granted 2 tokens');
      expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
      await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 5));
      expect(await storage.budget.take('company', rule, 2)).toEqual({ ok: true });
    });
  },
);

function token(id: string, operatorId: string, createdAtMs: number): TokenRecord {
  return {
    id,
    operatorId,
    label: `${operatorId}'s laptop`,
    createdAtMs,
    expiresAtMs: null,
    revokedAtMs: null,
  };
}

function entry(fields: Partial<AuditEntry> & Pick<AuditEntry, 'atMs' | 'requestId'>): AuditEntry {
  return {
    operatorId: 'alice',
    subject: 'sub-1',
    via: 'oidc',
    action: 'room-call',
    target: 'room:5678901234567890123',
    meetingId: null,
    outcome: 'ok',
    code: null,
    durationMs: 42,
    ...fields,
  };
}

function snapshot(name: string, fetchedAtMs: number): DirectorySnapshot {
  return {
    fetchedAtMs,
    rooms: [
      {
        meeting_room_id: '9876543210987654321',
        meeting_room_name: name,
        meeting_room_location: '3F',
        meeting_room_status: 1,
        is_allow_call: true,
      },
    ],
  };
}
