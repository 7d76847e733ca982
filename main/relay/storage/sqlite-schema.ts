import { DatabaseSync } from 'node:sqlite';
import { RelayStorageError } from './storage-error';

/**
 * The SQLite file's schema, created and migrated when a relay opens it. Migrations run in order
 * inside one IMMEDIATE transaction, so two relays (or a relay and an admin command) opening the
 * same new file at once migrate it once; relay_schema holds the version reached.
 */

const MIGRATIONS: readonly string[] = [
  // 1: tokens, audit log, directory cache with its lease, rate buckets.
  `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     operator_id TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at_ms INTEGER NOT NULL,
     expires_at_ms INTEGER,
     revoked_at_ms INTEGER
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at_ms INTEGER NOT NULL,
     request_id TEXT NOT NULL,
     operator_id TEXT,
     subject TEXT,
     via TEXT,
     action TEXT NOT NULL,
     target TEXT,
     meeting_id TEXT,
     outcome TEXT NOT NULL,
     code TEXT,
     duration_ms INTEGER NOT NULL
   );
   CREATE INDEX audit_by_time ON audit (at_ms);
   CREATE INDEX audit_by_operator ON audit (operator_id, at_ms);
   CREATE TABLE directory (
     scope TEXT PRIMARY KEY,
     snapshot TEXT NOT NULL,
     version INTEGER NOT NULL
   );
   CREATE TABLE directory_lease (
     scope TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at_ms INTEGER NOT NULL
   );
   CREATE TABLE budget (
     key TEXT PRIMARY KEY,
     tokens REAL NOT NULL,
     at_ms REAL NOT NULL
   );`,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Runs `work` in a BEGIN IMMEDIATE transaction: it holds the file's write lock throughout. */
export function immediate<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Opens (creating when absent) the relay's database file, in WAL mode, migrated. */
export function openSqliteDatabase(path: string, busyTimeoutMs = 5_000): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    // The busy timeout makes a second process wait for the write lock instead of failing.
    db = new DatabaseSync(path, { timeout: busyTimeoutMs });
    // WAL: readers never block the writer, and the file stays consistent across a crash.
    db.exec('PRAGMA journal_mode = WAL');
    // NORMAL is durable in WAL mode except for the last transactions before a power loss.
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof RelayStorageError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new RelayStorageError(
      `The relay's SQLite database ${path} cannot be opened: ${detail}.`,
      "Check that its folder exists and that the relay's user may write there (ROOMCALL_RELAY_SQLITE_PATH).",
    );
  }
}

function migrate(db: DatabaseSync): void {
  immediate(db, () => {
    db.exec('CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM relay_schema').get();
    const version = typeof row?.['version'] === 'number' ? row['version'] : 0;
    if (version > MIGRATIONS.length) {
      throw new RelayStorageError(
        `The relay database has schema version ${version}; this relay knows up to ${MIGRATIONS.length}.`,
        'Run the newer relay, or restore a backup.',
      );
    }
    for (let next = version; next < MIGRATIONS.length; next += 1) {
      db.exec(MIGRATIONS[next] ?? '');
    }
    db.exec('DELETE FROM relay_schema');
    db.prepare('INSERT INTO relay_schema (version) VALUES (?)').run(MIGRATIONS.length);
  });
}
