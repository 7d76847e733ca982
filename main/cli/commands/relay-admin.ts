import { operatorIdSchema } from '../../shared/model/settings-schema';
import { credentialRuleWords, isUsableCredentialText } from '../../shared/rules/credential-text';
import { issuePersonToken } from '../../relay/identity/person-tokens';
import type { RelayStorage, TokenRecord } from '../../relay/ports';
import { openConfiguredStorage } from '../../relay/serve';
import type { CliContext } from '../context';
import { EXIT_OK, EXIT_USAGE, UsageError, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { printTable } from '../table';
import { formatLocalTime } from '../times';
import { asUsage, relayConfig } from './relay-serve';

/**
 * `roomcall relay token issue|list|revoke`: per-person tokens in the relay's storage (the one
 * ROOMCALL_RELAY_* configures). A token is printed once, on stdout alone, so
 * `TOKEN=$(roomcall relay token issue …)` captures it; only its hash is kept.
 */

const DURATION = /^(\d{1,6})([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
const MAX_LABEL = 200;

/** `90d`, `12h`, `30m` in ms; null for `never`. */
export function parseDuration(text: string, option: string, never = true): number | null {
  if (never && text === 'never') return null;
  const match = DURATION.exec(text.trim());
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  if (match === null || unit === undefined || Number(match[1]) === 0) {
    throw new UsageError(
      `${option} takes a duration such as 90d, 12h or 30m${never ? ' (or never)' : ''}.`,
    );
  }
  return Number(match[1]) * UNIT_MS[unit];
}

export async function withStorage<T>(
  ctx: CliContext,
  use: (storage: RelayStorage) => Promise<T>,
): Promise<T> {
  const storage = await openConfiguredStorage(relayConfig(ctx)).catch(asUsage);
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

/** `--operator`'s value, checked as the settings' operator is. */
export function operatorOption(text: string): string {
  const operator = operatorIdSchema.safeParse(text);
  if (!operator.success || !isUsableCredentialText('operatorId', operator.data)) {
    throw new UsageError(
      `--operator is an enterprise userid: 1-128 characters, ${credentialRuleWords()}.`,
    );
  }
  return operator.data;
}

export async function runTokenIssue(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const operatorId = operatorOption(options.string('operator') ?? '');
  const label = (options.string('label') ?? '').trim();
  if (label === '' || label.length > MAX_LABEL || /\p{Cc}/u.test(label)) {
    throw new UsageError(`--label is 1 to ${MAX_LABEL} characters on one line.`);
  }
  const lifetime = parseDuration(options.string('expires') ?? '90d', '--expires');
  const nowMs = ctx.deps.clock.now();
  const issued = await withStorage(ctx, (storage) =>
    issuePersonToken(storage.tokens, {
      operatorId,
      label,
      expiresAtMs: lifetime === null ? null : nowMs + lifetime,
      nowMs,
    }),
  );
  if (options.flag('json')) {
    ctx.output.json({ token: issued.token, ...recordJson(issued.record, nowMs) });
    return EXIT_OK;
  }
  ctx.output.line(issued.token);
  const until = issued.record.expiresAtMs;
  ctx.output.note(
    `Token ${issued.record.id} for ${issued.record.operatorId}, ${until === null ? 'without expiry' : `valid until ${time(ctx, until)}`}. It is shown only now: hand it over safely.`,
  );
  return EXIT_OK;
}

export async function runTokenList(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const records = await withStorage(ctx, (storage) => storage.tokens.list());
  const nowMs = ctx.deps.clock.now();
  const sorted = [...records].sort((a, b) => a.createdAtMs - b.createdAtMs);
  if (options.flag('json')) {
    ctx.output.json(sorted.map((record) => recordJson(record, nowMs)));
    return EXIT_OK;
  }
  if (sorted.length === 0) {
    ctx.output.note('No tokens issued yet (roomcall relay token issue).');
    return EXIT_OK;
  }
  printTable(ctx.output, sorted, [
    { header: 'ID', value: (r: TokenRecord) => r.id },
    { header: 'OPERATOR', value: (r) => r.operatorId },
    { header: 'LABEL', value: (r) => r.label, maxWidth: 30 },
    { header: 'CREATED', value: (r) => time(ctx, r.createdAtMs) },
    {
      header: 'EXPIRES',
      value: (r) => (r.expiresAtMs === null ? 'never' : time(ctx, r.expiresAtMs)),
    },
    { header: 'STATE', value: (r) => tokenState(r, nowMs) },
  ]);
  return EXIT_OK;
}

export async function runTokenRevoke(ctx: CliContext, id: string): Promise<ExitCode> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id))
    throw new UsageError('A token id is what `relay token list` shows, e.g. Xb3kQ9-aZ0pL.');
  const revoked = await withStorage(ctx, (storage) =>
    storage.tokens.revoke(id, ctx.deps.clock.now()),
  );
  if (!revoked) {
    ctx.output.error(`No active token ${id} (see \`roomcall relay token list\`).`);
    return EXIT_USAGE;
  }
  ctx.output.note(`Revoked token ${id}: the relay refuses it from now on.`);
  return EXIT_OK;
}

function tokenState(record: TokenRecord, nowMs: number): 'active' | 'expired' | 'revoked' {
  if (record.revokedAtMs !== null) return 'revoked';
  if (record.expiresAtMs !== null && record.expiresAtMs <= nowMs) return 'expired';
  return 'active';
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function recordJson(record: TokenRecord, nowMs: number) {
  return {
    id: record.id,
    operator_id: record.operatorId,
    label: record.label,
    created_at: iso(record.createdAtMs),
    expires_at: iso(record.expiresAtMs),
    revoked_at: iso(record.revokedAtMs),
    state: tokenState(record, nowMs),
  };
}

export function time(ctx: CliContext, ms: number): string {
  return formatLocalTime(ms, ctx.deps.timeZone);
}
