import type {
  AuditEntry,
  BucketRule,
  DirectorySnapshot,
  RelayStorage,
  TakeResult,
  TokenRecord,
} from '../../../main/relay/ports';

/**
 * A test-only RelayStorage in memory (the relay's real ones: main/relay/storage). The token
 * bucket is the ports' contract (capacity, continuous refill) over an injected clock.
 */
export interface MemoryStorage extends RelayStorage {
  readonly entries: AuditEntry[];
  readonly hashes: Map<string, TokenRecord>;
  /** Snapshots put, per scope: how often the directory was read from Tencent. */
  puts: number;
  closed: boolean;
  pingFails: boolean;
}

export function memoryStorage(now: () => number = Date.now): MemoryStorage {
  const entries: AuditEntry[] = [];
  const hashes = new Map<string, TokenRecord>();
  const snapshots = new Map<string, DirectorySnapshot>();
  const refreshing = new Map<string, Promise<DirectorySnapshot>>();
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const storage: MemoryStorage = {
    kind: 'memory',
    entries,
    hashes,
    puts: 0,
    closed: false,
    pingFails: false,
    tokens: {
      insert: (record, hash) => {
        hashes.set(hash, record);
        return Promise.resolve();
      },
      findByHash: (hash) => Promise.resolve(hashes.get(hash) ?? null),
      revoke: (id, atMs) => {
        for (const [hash, record] of hashes) {
          if (record.id === id && record.revokedAtMs === null) {
            hashes.set(hash, { ...record, revokedAtMs: atMs });
            return Promise.resolve(true);
          }
        }
        return Promise.resolve(false);
      },
      list: () => Promise.resolve([...hashes.values()]),
    },
    audit: {
      append: (entry) => {
        entries.push(entry);
        return Promise.resolve();
      },
      prune: (beforeMs) => {
        const kept = entries.filter((e) => e.atMs >= beforeMs);
        const deleted = entries.length - kept.length;
        entries.splice(0, entries.length, ...kept);
        return Promise.resolve(deleted);
      },
      query: (query) => {
        const found = entries
          .filter((e) => query.sinceMs === undefined || e.atMs >= query.sinceMs)
          .filter((e) => query.operatorId === undefined || e.operatorId === query.operatorId)
          .reverse()
          .slice(0, query.limit ?? 100);
        return Promise.resolve(found);
      },
    },
    directory: {
      get: (scope) => Promise.resolve(snapshots.get(scope) ?? null),
      put: (scope, snapshot) => {
        storage.puts += 1;
        snapshots.set(scope, snapshot);
        return Promise.resolve();
      },
      refreshOnce: (scope, refresh) => {
        const running = refreshing.get(scope);
        if (running !== undefined) return running;
        // As the port says: the refresh's snapshot is stored, then returned to every waiter.
        const started = refresh()
          .then(async (snapshot) => {
            await storage.directory.put(scope, snapshot);
            return snapshot;
          })
          .finally(() => refreshing.delete(scope));
        refreshing.set(scope, started);
        return started;
      },
    },
    budget: {
      take: (key: string, rule: BucketRule, cost = 1): Promise<TakeResult> => {
        const at = now();
        const bucket = buckets.get(key) ?? { tokens: rule.capacity, atMs: at };
        const tokens = Math.min(
          rule.capacity,
          bucket.tokens + ((at - bucket.atMs) / 1000) * rule.refillPerSecond,
        );
        if (tokens >= cost) {
          buckets.set(key, { tokens: tokens - cost, atMs: at });
          return Promise.resolve({ ok: true });
        }
        buckets.set(key, { tokens, atMs: at });
        const retryAfterMs = Math.ceil(((cost - tokens) / rule.refillPerSecond) * 1000);
        return Promise.resolve({ ok: false, retryAfterMs });
      },
    },
    ping: () => (storage.pingFails ? Promise.reject(new Error('down')) : Promise.resolve()),
    close: () => {
      storage.closed = true;
      return Promise.resolve();
    },
  };
  return storage;
}
