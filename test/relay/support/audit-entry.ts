import type { AuditEntry } from '../../../main/relay/ports';

/** An audit entry for tests: a token holder's room listing that went well, unless told. */
export function auditEntry(
  fields: Partial<AuditEntry> & Pick<AuditEntry, 'atMs' | 'requestId'>,
): AuditEntry {
  return {
    operatorId: 'zhangwei',
    subject: null,
    via: 'token',
    action: 'list-rooms',
    target: null,
    meetingId: null,
    outcome: 'ok',
    code: null,
    durationMs: 3,
    ...fields,
  };
}
