import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type {
  AuditEntry,
  AuditLog,
  AuditQuery,
  BucketRule,
  DirectoryCache,
  DirectorySnapshot,
  RateBudget,
  RelayStorage,
  TakeResult,
  TokenRecord,
  TokenStore,
} from '../ports';
import { checkTake, takeFromBucket } from './bucket';
import {
  AUDIT_COLUMNS,
  TOKEN_COLUMNS,
  auditFromRow,
  auditLimit,
  auditValues,
  tokenFromRow,
  tokenValues,
} from './records';
import {
  defaultLeaseTiming,
  parseSnapshot,
  refreshOnce,
  snapshotJson,
  type LeaseAttempt,
  type LeaseBackend,
  type LeaseTiming,
} from './refresh-once';
import { immediate, openSqliteDatabase } from './sqlite-schema';

/**
 * The relay's storage in one SQLite file (node:sqlite, built into Node: nothing native to build
 * or ship). Several relay processes on one machine may share the file: every write that must
 * be atomic across them (the rate bucket, the directory lease) is one IMMEDIATE transaction.
 */

export interface SqliteStorageOptions {
  /** The database file (created when absent); ':memory:' for a private in-process database. */
  readonly path: string;
  /** Epoch ms; injected by tests. All processes sharing a file must share a clock. */
  readonly now?: () => number;
  readonly lease?: LeaseTiming;
  /** How long a process waits for another's write lock before failing; default 5 s. */
  readonly busyTimeoutMs?: number;
}

export function openSqliteStorage(options: SqliteStorageOptions): RelayStorage {
  const db = openSqliteDatabase(options.path, options.busyTimeoutMs);
  const now = options.now ?? Date.now;
  let closed = false;
  return {
    kind: 'sqlite',
    tokens: sqliteTokens(db),
    audit: sqliteAudit(db),
    directory: sqliteDirectory(db, now, options.lease ?? defaultLeaseTiming),
    budget: sqliteBudget(db, now),
    ping: () =>
      settle(() => {
        db.prepare('SELECT 1').get();
      }),
    close: () => {
      if (!closed) db.close();
      closed = true;
      return Promise.resolve();
    },
  };
}

/** node:sqlite is synchronous: the ports are promises; a thrown error becomes a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function sqliteTokens(db: DatabaseSync): TokenStore {
  const insert = db.prepare(`INSERT INTO tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byHash = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE token_hash = ?`);
  const revoke = db.prepare(
    'UPDATE tokens SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL',
  );
  const list = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at_ms, id`);
  return {
    insert: (record: TokenRecord, tokenHash: string) =>
      settle(() => {
        insert.run(...tokenValues(record, tokenHash));
      }),
    findByHash: (tokenHash: string) =>
      settle(() => {
        const row = byHash.get(tokenHash);
        return row === undefined ? null : tokenFromRow(row);
      }),
    revoke: (id: string, atMs: number) => settle(() => Number(revoke.run(atMs, id).changes) > 0),
    list: () => settle(() => list.all().map(tokenFromRow)),
  };
}

function sqliteAudit(db: DatabaseSync): AuditLog {
  const append = db.prepare(
    `INSERT INTO audit (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const prune = db.prepare('DELETE FROM audit WHERE at_ms < ?');
  return {
    prune: (beforeMs: number) => settle(() => Number(prune.run(beforeMs).changes)),
    append: (entry: AuditEntry) =>
      settle(() => {
        append.run(...auditValues(entry));
      }),
    query: (query: AuditQuery) =>
      settle(() => {
        const where: string[] = [];
        const params: SQLInputValue[] = [];
        if (query.sinceMs !== undefined) {
          where.push('at_ms >= ?');
          params.push(query.sinceMs);
        }
        if (query.operatorId !== undefined) {
          where.push('operator_id = ?');
          params.push(query.operatorId);
        }
        const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
        // seq breaks ties between entries of the same millisecond: newest written first.
        const rows = db
          .prepare(
            `SELECT ${AUDIT_COLUMNS} FROM audit ${filter} ORDER BY at_ms DESC, seq DESC LIMIT ?`,
          )
          .all(...params, auditLimit(query.limit));
        return rows.map(auditFromRow);
      }),
  };
}

function sqliteDirectory(db: DatabaseSync, now: () => number, timing: LeaseTiming): DirectoryCache {
  const read = db.prepare('SELECT snapshot, version FROM directory WHERE scope = ?');
  const store = db.prepare(
    `INSERT INTO directory (scope, snapshot, version) VALUES (?, ?, 1)
     ON CONFLICT (scope) DO UPDATE SET snapshot = excluded.snapshot, version = directory.version + 1`,
  );
  const lease = db.prepare('SELECT expires_at_ms FROM directory_lease WHERE scope = ?');
  const takeLease = db.prepare(
    `INSERT INTO directory_lease (scope, holder, expires_at_ms) VALUES (?, ?, ?)
     ON CONFLICT (scope) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms`,
  );
  const dropLease = db.prepare('DELETE FROM directory_lease WHERE scope = ? AND holder = ?');

  const backend: LeaseBackend = {
    tryAcquire: (scope, holder, leaseMs, seenVersion) =>
      settle<LeaseAttempt>(() =>
        immediate(db, () => {
          const stored = read.get(scope);
          const version = typeof stored?.['version'] === 'number' ? stored['version'] : 0;
          if (seenVersion !== null && version > seenVersion && stored !== undefined) {
            return { state: 'stored', snapshot: parseSnapshot(String(stored['snapshot'])) };
          }
          const held = lease.get(scope);
          const at = now();
          if (held === undefined || Number(held['expires_at_ms']) <= at) {
            takeLease.run(scope, holder, at + leaseMs);
            return { state: 'acquired' };
          }
          return { state: 'busy', version };
        }),
      ),
    storeAndRelease: (scope, holder, snapshot) =>
      settle(() => {
        immediate(db, () => {
          store.run(scope, snapshotJson(snapshot));
          dropLease.run(scope, holder);
        });
      }),
    release: (scope, holder) =>
      settle(() => {
        dropLease.run(scope, holder);
      }),
  };

  return {
    get: (scope: string) =>
      settle(() => {
        const row = read.get(scope);
        return row === undefined ? null : parseSnapshot(String(row['snapshot']));
      }),
    put: (scope: string, snapshot: DirectorySnapshot) =>
      settle(() => {
        store.run(scope, snapshotJson(snapshot));
      }),
    refreshOnce: (scope, refresh) => refreshOnce(backend, timing, scope, refresh),
  };
}

function sqliteBudget(db: DatabaseSync, now: () => number): RateBudget {
  const read = db.prepare('SELECT tokens, at_ms FROM budget WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO budget (key, tokens, at_ms) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, at_ms = excluded.at_ms`,
  );
  return {
    take: (key: string, rule: BucketRule, cost = 1) =>
      settle<TakeResult>(() => {
        checkTake(rule, cost);
        // Read, refill, take and write under the file's write lock: no other process can take
        // from the same bucket in between, so together they never exceed the budget.
        return immediate(db, () => {
          const row = read.get(key);
          const state =
            row === undefined
              ? null
              : { tokens: Number(row['tokens']), atMs: Number(row['at_ms']) };
          const { next, result } = takeFromBucket(state, rule, cost, now());
          write.run(key, next.tokens, next.atMs);
          return result;
        });
      }),
  };
}
