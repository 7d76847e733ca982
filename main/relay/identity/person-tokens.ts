import { createHash, randomBytes } from 'node:crypto';
import {
  IdentityRejectedError,
  type Identity,
  type IdentityVerifier,
  type TokenRecord,
  type TokenStore,
} from '../ports';

/**
 * Per-person tokens an admin issues (`roomcall relay token issue`) and revokes: `rcp_<id>_<secret>`,
 * the secret 32 random bytes in base64url. Only the SHA-256 of the whole token is stored, so a
 * copy of the database lets nobody sign in; the lookup is by that hash, so no comparison of
 * secrets happens in this process (and none can leak timing). The token itself is shown once,
 * never logged, never put in an error.
 */

const PREFIX = 'rcp_';
/** The public id: 12 base64url characters (72 random bits), no `_` so the token splits cleanly. */
const ID_CHARS = /^[A-Za-z0-9-]{12}$/;
const TOKEN_FORM = /^rcp_([A-Za-z0-9-]{12})_([A-Za-z0-9_-]{43})$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isPersonToken(bearer: string): boolean {
  return bearer.startsWith(PREFIX);
}

function newId(): string {
  // base64url without `_` (kept for the separator): replaced by `-`, still 6 bits a character.
  return randomBytes(9).toString('base64url').replaceAll('_', '-');
}

export interface IssueRequest {
  readonly operatorId: string;
  readonly label: string;
  readonly expiresAtMs: number | null;
  readonly nowMs: number;
}

export interface IssuedToken {
  readonly token: string;
  readonly record: TokenRecord;
}

export async function issuePersonToken(
  store: TokenStore,
  request: IssueRequest,
): Promise<IssuedToken> {
  const id = newId();
  if (!ID_CHARS.test(id)) throw new Error('token id generation failed');
  const token = `${PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  const record: TokenRecord = {
    id,
    operatorId: request.operatorId,
    label: request.label,
    createdAtMs: request.nowMs,
    expiresAtMs: request.expiresAtMs,
    revokedAtMs: null,
  };
  await store.insert(record, hashToken(token));
  return { token, record };
}

/** The IdentityVerifier for per-person tokens. */
export function createPersonTokenVerifier(store: TokenStore): IdentityVerifier {
  return {
    async verify(bearer: string, nowMs: number): Promise<Identity | null> {
      if (!isPersonToken(bearer)) return null;
      if (!TOKEN_FORM.test(bearer)) {
        throw new IdentityRejectedError(
          'unauthenticated',
          'The token is not a RoomCall relay token (damaged or cut short).',
        );
      }
      const record = await store.findByHash(hashToken(bearer));
      if (record === null) {
        throw new IdentityRejectedError('unauthenticated', 'The token is not known to this relay.');
      }
      if (record.revokedAtMs !== null) {
        throw new IdentityRejectedError(
          'token-revoked',
          `The token ${record.id} was revoked; ask your administrator for a new one.`,
        );
      }
      if (record.expiresAtMs !== null && record.expiresAtMs <= nowMs) {
        throw new IdentityRejectedError(
          'token-expired',
          `The token ${record.id} expired on ${new Date(record.expiresAtMs).toISOString()}; ask your administrator for a new one.`,
        );
      }
      return {
        operatorId: record.operatorId,
        subject: record.id,
        via: 'token',
        expiresAtMs: record.expiresAtMs,
      };
    },
  };
}
