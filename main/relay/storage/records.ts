import type { AuditAction, AuditEntry, AuditOutcome, TokenRecord } from '../ports';

/**
 * Rows to records for both SQL backends: the SQLite and PostgreSQL tables use the same column
 * names. Epoch milliseconds are stored as 64-bit integers (PostgreSQL BIGINT arrives as a
 * string); every ID stays TEXT, so a 19-digit meeting ID never passes through a JS number.
 */

export type Row = Readonly<Record<string, unknown>>;

/** Upper bound on one audit query, so an admin's typo cannot pull the whole table. */
export const MAX_AUDIT_LIMIT = 10_000;
export const DEFAULT_AUDIT_LIMIT = 100;

export function auditLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_AUDIT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Audit query limit must be a positive integer (got ${limit}).`);
  }
  return Math.min(limit, MAX_AUDIT_LIMIT);
}

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  throw new TypeError(`Relay storage: column ${column} is not text.`);
}

function optionalText(row: Row, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

function millis(row: Row, column: string): number {
  const value = row[column];
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' || typeof value === 'bigint'
        ? Number(value)
        : Number.NaN;
  if (Number.isSafeInteger(number)) return number;
  throw new TypeError(`Relay storage: column ${column} is not an integer.`);
}

function optionalMillis(row: Row, column: string): number | null {
  return row[column] === null ? null : millis(row, column);
}

export function tokenFromRow(row: Row): TokenRecord {
  return {
    id: text(row, 'id'),
    operatorId: text(row, 'operator_id'),
    label: text(row, 'label'),
    createdAtMs: millis(row, 'created_at_ms'),
    expiresAtMs: optionalMillis(row, 'expires_at_ms'),
    revokedAtMs: optionalMillis(row, 'revoked_at_ms'),
  };
}

/** The token columns, in the order tokenValues gives them. */
export const TOKEN_COLUMNS =
  'id, token_hash, operator_id, label, created_at_ms, expires_at_ms, revoked_at_ms';

export function tokenValues(
  record: TokenRecord,
  tokenHash: string,
): [string, string, string, string, number, number | null, number | null] {
  return [
    record.id,
    tokenHash,
    record.operatorId,
    record.label,
    record.createdAtMs,
    record.expiresAtMs,
    record.revokedAtMs,
  ];
}

export function auditFromRow(row: Row): AuditEntry {
  const via = optionalText(row, 'via');
  return {
    atMs: millis(row, 'at_ms'),
    requestId: text(row, 'request_id'),
    operatorId: optionalText(row, 'operator_id'),
    subject: optionalText(row, 'subject'),
    via: via === 'oidc' || via === 'token' ? via : null,
    // Written by append() from the AuditAction/AuditOutcome types only.
    action: text(row, 'action') as AuditAction,
    target: optionalText(row, 'target'),
    meetingId: optionalText(row, 'meeting_id'),
    outcome: text(row, 'outcome') as AuditOutcome,
    code: optionalText(row, 'code'),
    durationMs: millis(row, 'duration_ms'),
  };
}

/** The audit columns, in the order auditValues gives them. */
export const AUDIT_COLUMNS =
  'at_ms, request_id, operator_id, subject, via, action, target, meeting_id, outcome, code, duration_ms';

export function auditValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.atMs,
    entry.requestId,
    entry.operatorId,
    entry.subject,
    entry.via,
    entry.action,
    entry.target,
    entry.meetingId,
    entry.outcome,
    entry.code,
    // Durations are measured with performance.now(): whole milliseconds are enough.
    Math.round(entry.durationMs),
  ];
}
