import { createHash } from 'node:crypto';
import type { createClient } from 'redis';
import type { BucketRule, DirectoryCache, RateBudget, TakeResult } from '../ports';
import { TOKEN_EPSILON, checkTake } from './bucket';
import { connectionError, scrubSecret } from './redact';
import {
  parseSnapshot,
  refreshOnce,
  snapshotJson,
  type LeaseAttempt,
  type LeaseBackend,
  type LeaseTiming,
} from './refresh-once';
import { ACQUIRE_SCRIPT, RELEASE_SCRIPT, STORE_SCRIPT, TAKE_SCRIPT } from './redis-scripts';

/**
 * The shared directory cache and rate budget in Redis (node-redis), for several relay
 * instances. Keys (prefix default 'roomcall:relay:'):
 *   <prefix>directory:{<scope>}        hash: snapshot (JSON), version
 *   <prefix>directory-lease:{<scope>}  the refresh lease: holder id, SET NX PX
 *   <prefix>budget:<key>               hash: tokens, at (ms by Redis TIME); expires when full
 * The {scope} hash tag keeps a directory and its lease in one Redis Cluster slot, as the
 * scripts that touch both require.
 */

type RedisClient = ReturnType<typeof createClient>;

export interface RedisStores {
  readonly directory: DirectoryCache;
  readonly budget: RateBudget;
  /** Redis's clock, epoch ms (TIME): the clock the budget runs on. */
  time(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface RedisStoreOptions {
  readonly url: string;
  readonly keyPrefix?: string;
  readonly lease: LeaseTiming;
  /** Told about connection trouble after the first connection (messages carry no secret). */
  readonly onError?: (message: string) => void;
}

export async function openRedisStores(options: RedisStoreOptions): Promise<RedisStores> {
  const client = await connect(options);
  const prefix = options.keyPrefix ?? 'roomcall:relay:';
  let closing: Promise<void> | undefined;
  return {
    directory: redisDirectory(client, prefix, options.lease),
    budget: redisBudget(client, prefix),
    time: async () => {
      const [seconds, micros] = await client.time();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    },
    ping: async () => {
      await client.ping();
    },
    close: () => (closing ??= client.isOpen ? client.close() : Promise.resolve()),
  };
}

const REDIS_HINT = 'Check that Redis runs and answers at that address (ROOMCALL_RELAY_REDIS_URL).';

async function connect(options: RedisStoreOptions): Promise<RedisClient> {
  const redis = await import('redis');
  // node-redis is CommonJS: Node's import gives the named export; esbuild's bundle (the CLI's,
  // the container image's) gives only `default`, as for pg (postgres.ts).
  const create = (redis as Partial<typeof redis>).createClient ?? redis.default.createClient;
  let connected = false;
  let client: RedisClient;
  try {
    client = create({
      url: options.url,
      // Fail a command at once while Redis is away, rather than queueing it: a rate check or a
      // directory read that hangs is worse than a clear 503.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 5_000,
        // At start, give up after a few tries (a wrong URL should stop the relay with a clear
        // message); once running, keep reconnecting with backoff.
        reconnectStrategy: (retries: number, cause: Error) =>
          connected ? Math.min(100 * 2 ** retries, 5_000) : retries >= 2 ? cause : 200,
      },
    });
  } catch (error) {
    // createClient quotes a malformed URL, password included, in its TypeError.
    throw connectionError('Connecting to Redis', options.url, error, REDIS_HINT);
  }
  client.on('error', (error: unknown) => {
    if (!connected) return; // connect() below reports it
    const message = error instanceof Error ? error.message : String(error);
    options.onError?.(`Redis: ${scrubSecret(message, options.url)}`);
  });
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw connectionError('Connecting to Redis', options.url, error, REDIS_HINT);
  }
  connected = true;
  return client;
}

/** A script run by its SHA1 (EVALSHA), sent in full (EVAL) only when Redis lacks it. */
function script(source: string) {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (client: RedisClient, keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await client.evalSha(sha, { keys, arguments: args });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return client.eval(source, { keys, arguments: args });
    }
  };
}

const take = script(TAKE_SCRIPT);
const acquire = script(ACQUIRE_SCRIPT);
const store = script(STORE_SCRIPT);
const release = script(RELEASE_SCRIPT);

function redisBudget(client: RedisClient, prefix: string): RateBudget {
  return {
    take: async (key: string, rule: BucketRule, cost = 1): Promise<TakeResult> => {
      checkTake(rule, cost);
      const args = [rule.capacity, rule.refillPerSecond, cost, TOKEN_EPSILON].map(String);
      const wait = Number(await take(client, [`${prefix}budget:${key}`], args));
      if (!Number.isInteger(wait) || wait < 0) {
        throw new Error('Redis answered the rate-budget script with something unexpected.');
      }
      return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
    },
  };
}

function redisDirectory(client: RedisClient, prefix: string, timing: LeaseTiming): DirectoryCache {
  const keys = (scope: string): string[] => [
    `${prefix}directory:{${scope}}`,
    `${prefix}directory-lease:{${scope}}`,
  ];
  const backend: LeaseBackend = {
    tryAcquire: async (scope, holder, leaseMs, seenVersion) => {
      const args = [holder, String(leaseMs), seenVersion === null ? '' : String(seenVersion)];
      return attemptFrom(await acquire(client, keys(scope), args));
    },
    storeAndRelease: async (scope, holder, snapshot) => {
      await store(client, keys(scope), [snapshotJson(snapshot), holder]);
    },
    release: async (scope, holder) => {
      await release(client, keys(scope).slice(1), [holder]);
    },
  };
  return {
    get: async (scope) => {
      const [directoryKey = ''] = keys(scope);
      const json = await client.hGet(directoryKey, 'snapshot');
      return json === null ? null : parseSnapshot(json);
    },
    put: async (scope, snapshot) => {
      await store(client, keys(scope), [snapshotJson(snapshot), '']);
    },
    refreshOnce: (scope, refresh) => refreshOnce(backend, timing, scope, refresh),
  };
}

function attemptFrom(reply: unknown): LeaseAttempt {
  const items: unknown = reply;
  if (Array.isArray(items) && items.length === 2) {
    const [state, value] = items as unknown[];
    const text = String(value);
    if (state === 'acquired') return { state: 'acquired' };
    if (state === 'stored') return { state: 'stored', snapshot: parseSnapshot(text) };
    if (state === 'busy' && /^\d+$/.test(text)) return { state: 'busy', version: Number(text) };
  }
  throw new Error('Redis answered the directory-lease script with something unexpected.');
}
