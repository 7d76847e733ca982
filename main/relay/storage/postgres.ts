import type { Pool, PoolClient } from 'pg';
import type { AuditEntry, AuditLog, AuditQuery, TokenRecord, TokenStore } from '../ports';
import {
  AUDIT_COLUMNS,
  TOKEN_COLUMNS,
  auditFromRow,
  auditLimit,
  auditValues,
  tokenFromRow,
  tokenValues,
} from './records';
import { connectionError, scrubSecret } from './redact';

/**
 * Tokens and the audit log in PostgreSQL (node-postgres), shared by every relay instance.
 * Tables relay_tokens and relay_audit, created by an idempotent migration at start under an
 * advisory lock (so instances starting together migrate once); relay_schema holds the version.
 * Once migrated, the relay's role needs no CREATE privilege: see docs/relay.md.
 */

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS relay_tokens (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     operator_id TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at_ms BIGINT NOT NULL,
     expires_at_ms BIGINT,
     revoked_at_ms BIGINT
   );
   CREATE TABLE IF NOT EXISTS relay_audit (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at_ms BIGINT NOT NULL,
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
   CREATE INDEX IF NOT EXISTS relay_audit_by_time ON relay_audit (at_ms, seq);
   CREATE INDEX IF NOT EXISTS relay_audit_by_operator ON relay_audit (operator_id, at_ms, seq);`,
];

/** An arbitrary constant naming the migration's advisory lock ("RoomCall relay" in ASCII). */
const MIGRATION_LOCK = 0x52_43_52_6c;

export interface PostgresStores {
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PostgresStoreOptions {
  readonly url: string;
  /** Connections per instance; default 10. */
  readonly maxConnections?: number;
  /** Told about idle-connection failures (messages carry no secret). */
  readonly onError?: (message: string) => void;
}

const POSTGRES_HINT =
  'Check that PostgreSQL runs, answers at that address and lets that user in (ROOMCALL_RELAY_DATABASE_URL).';

export async function openPostgresStores(options: PostgresStoreOptions): Promise<PostgresStores> {
  const pg = await import('pg');
  // pg is CommonJS with an ESM wrapper: the named export exists where the wrapper was loaded
  // (Node's import), the default's property wherever the CommonJS file was (some bundles).
  const PoolClass = (pg as Partial<typeof pg>).Pool ?? pg.default.Pool;
  let pool: Pool;
  try {
    pool = new PoolClass({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5_000,
    });
  } catch (error) {
    throw connectionError('Connecting to PostgreSQL', options.url, error, POSTGRES_HINT);
  }
  // Without a listener, a connection that dies while idle would crash the process.
  pool.on('error', (error) => {
    options.onError?.(`PostgreSQL: ${scrubSecret(error.message, options.url)}`);
  });
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionError('Opening the PostgreSQL database', options.url, error, POSTGRES_HINT);
  }
  let closing: Promise<void> | undefined;
  return {
    tokens: postgresTokens(pool),
    audit: postgresAudit(pool),
    ping: async () => {
      await pool.query('SELECT 1');
    },
    // pool.end() throws when called twice; a shutdown path may well close twice.
    close: () => (closing ??= pool.end()),
  };
}

async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Read the version first: a migrated database needs no DDL, so a role without CREATE works.
    const exists = await client.query<{ present: boolean }>(
      "SELECT to_regclass('relay_schema') IS NOT NULL AS present",
    );
    let version = 0;
    if (exists.rows[0]?.present === true) {
      const row = await client.query<{ version: number }>('SELECT version FROM relay_schema');
      version = row.rows[0]?.version ?? 0;
    }
    if (version > MIGRATIONS.length) {
      throw new Error(
        `the database has relay schema version ${version}; this relay knows up to ${MIGRATIONS.length} (run the newer relay)`,
      );
    }
    if (version < MIGRATIONS.length) {
      await client.query('CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)');
      for (const migration of MIGRATIONS.slice(version)) await client.query(migration);
      await client.query('DELETE FROM relay_schema');
      await client.query('INSERT INTO relay_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function postgresTokens(pool: Pool): TokenStore {
  return {
    insert: async (record: TokenRecord, tokenHash: string) => {
      await pool.query(
        `INSERT INTO relay_tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        tokenValues(record, tokenHash),
      );
    },
    findByHash: async (tokenHash: string) => {
      const result = await pool.query(
        `SELECT ${TOKEN_COLUMNS} FROM relay_tokens WHERE token_hash = $1`,
        [tokenHash],
      );
      const row = result.rows[0] as Record<string, unknown> | undefined;
      return row === undefined ? null : tokenFromRow(row);
    },
    revoke: async (id: string, atMs: number) => {
      const result = await pool.query(
        'UPDATE relay_tokens SET revoked_at_ms = $1 WHERE id = $2 AND revoked_at_ms IS NULL',
        [atMs, id],
      );
      return (result.rowCount ?? 0) > 0;
    },
    list: async () => {
      const result = await pool.query(
        `SELECT ${TOKEN_COLUMNS} FROM relay_tokens ORDER BY created_at_ms, id`,
      );
      return result.rows.map((row: Record<string, unknown>) => tokenFromRow(row));
    },
  };
}

function postgresAudit(pool: Pool): AuditLog {
  return {
    prune: async (beforeMs: number) => {
      const result = await pool.query('DELETE FROM relay_audit WHERE at_ms < $1', [beforeMs]);
      return result.rowCount ?? 0;
    },
    append: async (entry: AuditEntry) => {
      // A named statement: parsed and planned once per connection, then only executed.
      await pool.query({
        name: 'relay-audit-append',
        text: `INSERT INTO relay_audit (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        values: auditValues(entry),
      });
    },
    query: async (query: AuditQuery) => {
      const where: string[] = [];
      const values: (string | number)[] = [];
      if (query.sinceMs !== undefined) {
        values.push(query.sinceMs);
        where.push(`at_ms >= $${values.length}`);
      }
      if (query.operatorId !== undefined) {
        values.push(query.operatorId);
        where.push(`operator_id = $${values.length}`);
      }
      values.push(auditLimit(query.limit));
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const result = await pool.query(
        `SELECT ${AUDIT_COLUMNS} FROM relay_audit ${filter} ORDER BY at_ms DESC, seq DESC LIMIT $${values.length}`,
        values,
      );
      return result.rows.map((row: Record<string, unknown>) => auditFromRow(row));
    },
  };
}
