import type { RelayStorage } from '../ports';
import { defaultLeaseTiming, type LeaseTiming } from './refresh-once';

/**
 * Opens the relay's storage by kind. PostgreSQL + Redis are loaded only when chosen (dynamic
 * import), so a one-machine relay on SQLite never loads pg or redis.
 */

export type RelayStorageOptions =
  /** One machine: everything in one SQLite file (created when absent). */
  | { readonly kind: 'sqlite'; readonly path: string }
  /** Several instances: tokens and audit log in PostgreSQL; directory cache and rate budget
   * in Redis. */
  | { readonly kind: 'postgres'; readonly databaseUrl: string; readonly redisUrl: string };

/** Knobs for tests and unusual deployments; the defaults suit a relay in production. */
export interface RelayStorageTuning {
  /** SQLite only: epoch ms for leases and buckets (Redis uses its own TIME). */
  readonly now?: () => number;
  /** How long a directory refresh may hold its lease, and how often waiters look. */
  readonly lease?: LeaseTiming;
  /** Redis only: prefix of every key (default 'roomcall:relay:'), to share one Redis. */
  readonly keyPrefix?: string;
  /** PostgreSQL + Redis: told when a connection fails while running (no secret in it). */
  readonly onConnectionError?: (message: string) => void;
}

export async function openRelayStorage(
  options: RelayStorageOptions,
  tuning: RelayStorageTuning = {},
): Promise<RelayStorage> {
  switch (options.kind) {
    case 'sqlite': {
      const { openSqliteStorage } = await import('./sqlite');
      return openSqliteStorage({
        path: options.path,
        ...(tuning.now === undefined ? {} : { now: tuning.now }),
        ...(tuning.lease === undefined ? {} : { lease: tuning.lease }),
      });
    }
    case 'postgres':
      return openPostgresRedis(options.databaseUrl, options.redisUrl, tuning);
  }
}

async function openPostgresRedis(
  databaseUrl: string,
  redisUrl: string,
  tuning: RelayStorageTuning,
): Promise<RelayStorage> {
  const [{ openPostgresStores }, { openRedisStores }] = await Promise.all([
    import('./postgres'),
    import('./redis'),
  ]);
  const onError = tuning.onConnectionError;
  const sql = await openPostgresStores({
    url: databaseUrl,
    ...(onError === undefined ? {} : { onError }),
  });
  let redis;
  try {
    redis = await openRedisStores({
      url: redisUrl,
      lease: tuning.lease ?? defaultLeaseTiming,
      ...(tuning.keyPrefix === undefined ? {} : { keyPrefix: tuning.keyPrefix }),
      ...(onError === undefined ? {} : { onError }),
    });
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  const stores = [sql, redis];
  return {
    kind: 'postgres+redis',
    tokens: sql.tokens,
    audit: sql.audit,
    directory: redis.directory,
    budget: redis.budget,
    ping: async () => {
      await Promise.all(stores.map((store) => store.ping()));
    },
    close: async () => {
      // Close both even when one fails, then report the first failure.
      const results = await Promise.allSettled(stores.map((store) => store.close()));
      for (const result of results) if (result.status === 'rejected') throw result.reason;
    },
  };
}

export type { LeaseTiming } from './refresh-once';
