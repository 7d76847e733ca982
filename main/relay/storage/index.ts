import type { RelayStorage } from '../ports';
import type { LeaseTiming } from './refresh-once';

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
      throw new Error('PostgreSQL + Redis storage is not built yet.');
  }
}

export type { LeaseTiming } from './refresh-once';
