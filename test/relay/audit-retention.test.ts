/**
 * ROOMCALL_RELAY_AUDIT_RETENTION_DAYS: the relay prunes its audit log at start and on a timer,
 * logs what went, survives a failing storage, and stops before the storage closes.
 */
import { describe, expect, it } from 'vitest';
import { startAuditRetention } from '../../main/relay/audit-retention';
import type { AuditEntry, AuditLog } from '../../main/relay/ports';
import { createJsonLogger } from '../../main/relay/server/log';
import { auditEntry } from './support/audit-entry';
import { memoryStorage } from './support/memory-storage';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 9, 0);

function entry(atMs: number, requestId: string): AuditEntry {
  return auditEntry({ atMs, requestId });
}

function captureLogs(): {
  lines: Record<string, unknown>[];
  logger: ReturnType<typeof createJsonLogger>;
} {
  const lines: Record<string, unknown>[] = [];
  const logger = createJsonLogger(
    (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    [],
    () => NOW,
  );
  return { lines, logger };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('audit retention', () => {
  it('prunes at start what is older than the period, and logs how many went', async () => {
    const storage = memoryStorage();
    for (const [age, id] of [
      [200, 'ancient'],
      [181, 'old'],
      [179, 'kept'],
      [0, 'today'],
    ] as const) {
      await storage.audit.append(entry(NOW - age * DAY, id));
    }
    const { lines, logger } = captureLogs();
    const retention = startAuditRetention({
      audit: storage.audit,
      days: 180,
      logger,
      now: () => NOW,
    });
    await retention.stop();
    expect(storage.entries.map((e) => e.requestId)).toEqual(['kept', 'today']);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'audit pruned',
        deleted: 2,
        before: new Date(NOW - 180 * DAY).toISOString(),
      }),
    ]);
  });

  it('prunes again on its timer, as time passes, and not after stop', async () => {
    const storage = memoryStorage();
    let now = NOW;
    const { logger } = captureLogs();
    await storage.audit.append(entry(NOW - 10 * DAY, 'ten days'));
    const retention = startAuditRetention({
      audit: storage.audit,
      days: 30,
      logger,
      now: () => now,
      everyMs: 5,
    });
    await waitFor(() => storage.entries.length === 1);
    now += 21 * DAY; // the entry is now 31 days old
    await waitFor(() => storage.entries.length === 0);
    await retention.stop();
    await storage.audit.append(entry(now - 100 * DAY, 'after stop'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(storage.entries.map((e) => e.requestId)).toEqual(['after stop']);
  });

  it('logs a failed prune and keeps going', async () => {
    let calls = 0;
    const failing: AuditLog = {
      append: () => Promise.resolve(),
      query: () => Promise.resolve([]),
      prune: () => {
        calls += 1;
        return Promise.reject(new Error('database is locked'));
      },
    };
    const { lines, logger } = captureLogs();
    const retention = startAuditRetention({ audit: failing, days: 1, logger, everyMs: 5 });
    await waitFor(() => calls >= 2);
    await retention.stop();
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'audit prune failed',
      error: 'database is locked',
    });
  });
});
