import type { AuditEntry } from '../../relay/ports';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { printTable } from '../table';
import { parseDuration, time, withStorage } from './relay-admin';

/** `roomcall relay audit`: the relay's audit log, newest first, from its configured storage. */

const MAX_LIMIT = 100_000;

export async function runAudit(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const sinceMs = since(ctx, options.string('since'));
  const operatorId = options.string('operator');
  const limit = Number(options.string('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit is a whole number from 1 to ${MAX_LIMIT}.`);
  }
  const entries = await withStorage(ctx, (storage) =>
    storage.audit.query({
      limit,
      ...(sinceMs === undefined ? {} : { sinceMs }),
      ...(operatorId === undefined ? {} : { operatorId }),
    }),
  );
  if (options.flag('json')) {
    ctx.output.json(entries.map(entryJson));
    return EXIT_OK;
  }
  if (entries.length === 0) {
    ctx.output.note('No audit entries match.');
    return EXIT_OK;
  }
  printTable(ctx.output, entries, [
    { header: 'TIME', value: (e: AuditEntry) => time(ctx, e.atMs) },
    { header: 'OPERATOR', value: (e) => e.operatorId ?? '-' },
    {
      header: 'VIA',
      value: (e) => (e.via === null ? '-' : `${e.via}:${e.subject ?? ''}`),
      maxWidth: 24,
    },
    { header: 'ACTION', value: (e) => e.action },
    { header: 'TARGET', value: (e) => e.target ?? '', maxWidth: 40 },
    { header: 'MEETING', value: (e) => e.meetingId ?? '' },
    { header: 'OUTCOME', value: (e) => e.outcome },
    { header: 'CODE', value: (e) => e.code ?? '' },
    { header: 'MS', value: (e) => String(e.durationMs) },
  ]);
  return EXIT_OK;
}

/** `roomcall relay audit prune --older-than 180d`: retention, on a schedule. */
export async function runAuditPrune(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const age = parseDuration(options.string('olderThan') ?? '', '--older-than', false) ?? 0;
  const beforeMs = ctx.deps.clock.now() - age;
  const deleted = await withStorage(ctx, (storage) => storage.audit.prune(beforeMs));
  const before = new Date(beforeMs).toISOString();
  if (options.flag('json')) {
    ctx.output.json({ deleted, before });
    return EXIT_OK;
  }
  ctx.output.note(
    `Deleted ${String(deleted)} audit ${deleted === 1 ? 'entry' : 'entries'} written before ${time(ctx, beforeMs)}.`,
  );
  return EXIT_OK;
}

/** `--since 24h` (a duration back from now) or an ISO 8601 date. */
function since(ctx: CliContext, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const words =
    '--since takes a duration (24h, 7d) or an ISO date (2026-12-01 or 2026-12-01T09:00:00Z).';
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new UsageError(words);
    return ms;
  }
  try {
    return ctx.deps.clock.now() - (parseDuration(text, '--since', false) ?? 0);
  } catch {
    throw new UsageError(words);
  }
}

function entryJson(entry: AuditEntry) {
  return {
    at: new Date(entry.atMs).toISOString(),
    request_id: entry.requestId,
    operator_id: entry.operatorId,
    subject: entry.subject,
    via: entry.via,
    action: entry.action,
    target: entry.target,
    meeting_id: entry.meetingId,
    outcome: entry.outcome,
    code: entry.code,
    duration_ms: entry.durationMs,
  };
}
