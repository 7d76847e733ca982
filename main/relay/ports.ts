import type { Room } from '../core/wemeet/api';

/**
 * What the relay keeps, as interfaces with two implementations each: SQLite (one machine, the
 * default: main/relay/storage/sqlite) and PostgreSQL + Redis (several instances behind a load
 * balancer: main/relay/storage/postgres, main/relay/storage/redis). The HTTP service
 * (main/relay/server) depends on these only.
 */

/** Who called, as the relay verified it. operator_id comes from here, never from the request. */
export interface Identity {
  /** The enterprise userid (Tencent operator_id) the relay acts as. */
  readonly operatorId: string;
  /** The OIDC `sub`, or the per-person token's id. For the audit log. */
  readonly subject: string;
  readonly via: 'oidc' | 'token';
  /** Epoch ms, when the credential expires. */
  readonly expiresAtMs: number | null;
}

/** A per-person token as stored: its SHA-256 hash, never the token itself. */
export interface TokenRecord {
  /** Public id (shown in lists, used to revoke). */
  readonly id: string;
  readonly operatorId: string;
  /** Who or what it is for, as the admin wrote it. */
  readonly label: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number | null;
  readonly revokedAtMs: number | null;
}

export interface TokenStore {
  /** Stores a new token's hash; returns the record. The caller made the secret and shows it once. */
  insert(record: TokenRecord, tokenHash: string): Promise<void>;
  /** The record whose hash this is, revoked or not; null when none. */
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  /** Marks it revoked at `atMs`; false when no such id (or revoked already). */
  revoke(id: string, atMs: number): Promise<boolean>;
  list(): Promise<TokenRecord[]>;
}

export type AuditAction =
  | 'list-rooms'
  | 'get-room'
  | 'list-meetings'
  | 'meetings-by-code'
  | 'meeting-by-id'
  | 'room-call'
  | 'cancel-room-call'
  | 'room-call-info'
  /** GET /v1/me: the caller asked who the relay takes them for (audited like the rest). */
  | 'who-am-i';

export type AuditOutcome = 'ok' | 'error' | 'unconfirmed' | 'denied' | 'rate-limited';

export interface AuditEntry {
  readonly atMs: number;
  readonly requestId: string;
  /** operator_id acted as; null when the caller was not identified (denied). */
  readonly operatorId: string | null;
  readonly subject: string | null;
  readonly via: 'oidc' | 'token' | null;
  readonly action: AuditAction;
  /** 'room:<id>' | 'sip:<dial string>' | 'h323:<dial string>' | null. */
  readonly target: string | null;
  readonly meetingId: string | null;
  readonly outcome: AuditOutcome;
  /** Tencent's error code, or the relay's reason, when not ok. */
  readonly code: string | null;
  /** The relay's own time spent, ms. */
  readonly durationMs: number;
}

export interface AuditQuery {
  readonly sinceMs?: number;
  readonly operatorId?: string;
  /** Newest first; default 100. */
  readonly limit?: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  query(query: AuditQuery): Promise<AuditEntry[]>;
  /** Deletes the entries written before `beforeMs` (retention); resolves to how many. */
  prune(beforeMs: number): Promise<number>;
}

/** The room directory as last read from Tencent, shared by every instance. */
export interface DirectorySnapshot {
  readonly rooms: readonly Room[];
  readonly fetchedAtMs: number;
}

export interface DirectoryCache {
  get(scope: string): Promise<DirectorySnapshot | null>;
  put(scope: string, snapshot: DirectorySnapshot): Promise<void>;
  /**
   * Runs `refresh` unless another holder (process or instance) is refreshing `scope` right
   * now; then waits for its result instead (so N instances read the directory from Tencent
   * once, not N times). Returns whichever snapshot was stored.
   */
  refreshOnce(scope: string, refresh: () => Promise<DirectorySnapshot>): Promise<DirectorySnapshot>;
}

/** A token bucket: `capacity` tokens, refilled at `refillPerSecond`. */
export interface BucketRule {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type TakeResult =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/**
 * A rate budget every instance draws from: the company's (every request sent to Tencent,
 * key 'company') and each person's (every relay request, key 'person:<operator_id>'). Taking
 * is atomic across instances (Redis: one Lua script; SQLite: one transaction).
 */
export interface RateBudget {
  take(key: string, rule: BucketRule, cost?: number): Promise<TakeResult>;
}

export interface RelayStorage {
  readonly kind: 'sqlite' | 'postgres+redis' | 'memory';
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly directory: DirectoryCache;
  readonly budget: RateBudget;
  /** Ready check for /healthz (a cheap round trip to each backend). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Why a bearer credential was refused: the `reason` of the 401/403 answer (contract.ts). */
export type RejectionReason = 'unauthenticated' | 'token-expired' | 'token-revoked' | 'forbidden';

/** A credential that was recognised and refused. Its message never quotes the credential. */
export class IdentityRejectedError extends Error {
  readonly reason: RejectionReason;
  constructor(reason: RejectionReason, message: string) {
    super(message);
    this.name = 'IdentityRejectedError';
    this.reason = reason;
  }
}

/**
 * One way of telling who a bearer credential belongs to: per-person tokens
 * (main/relay/identity/person-tokens.ts) or OIDC (main/relay/identity/oidc.ts). The server
 * asks each configured verifier in turn.
 */
export interface IdentityVerifier {
  /**
   * The identity, or null when this verifier does not recognise the credential's form (a
   * per-person token is not a JWT and the other way round). Throws IdentityRejectedError for a
   * credential it recognises and refuses (bad signature, expired, revoked, no operator claim).
   */
  verify(bearer: string, nowMs: number): Promise<Identity | null>;
}
