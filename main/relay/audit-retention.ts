import type { AuditLog } from './ports';
import type { RelayLogger } from './server/log';

/**
 * ROOMCALL_RELAY_AUDIT_RETENTION_DAYS: the relay prunes its own audit log, at start and every
 * few hours after, so a company keeps its retention period without a cron job. Every instance
 * may do it: a prune is one indexed DELETE, and a second one finds nothing. A failed prune is
 * logged and tried again next time; it never stops the relay.
 */

const DAY_MS = 86_400_000;
/** Often enough that the log is never more than a few hours over its period. */
export const PRUNE_EVERY_MS = 6 * 3_600_000;

export interface AuditRetentionOptions {
  readonly audit: AuditLog;
  readonly days: number;
  readonly logger: RelayLogger;
  readonly now?: () => number;
  readonly everyMs?: number;
}

export interface AuditRetention {
  /** Resolves when the prune under way, if any, has finished; no prune starts after. */
  stop(): Promise<void>;
}

export function startAuditRetention(options: AuditRetentionOptions): AuditRetention {
  const now = options.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const prune = () => {
    if (stopped) return;
    const beforeMs = now() - options.days * DAY_MS;
    running = options.audit.prune(beforeMs).then(
      (deleted) => {
        if (deleted > 0) {
          options.logger.log('info', 'audit pruned', {
            deleted,
            before: new Date(beforeMs).toISOString(),
          });
        }
      },
      (error: unknown) => {
        options.logger.log('warn', 'audit prune failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? PRUNE_EVERY_MS);
  // The relay's server keeps the process alive; this timer alone must not.
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      return running;
    },
  };
}
