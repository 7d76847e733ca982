import { randomUUID } from 'node:crypto';
import type { DirectorySnapshot } from '../ports';

/**
 * DirectoryCache.refreshOnce for both backends: a lease (a row in SQLite, a SET NX PX key in
 * Redis) names the one holder that reads the directory from Tencent; everyone else polls until
 * the holder has stored a newer snapshot, or its lease is gone (it failed, or died and the lease
 * expired), and then tries to take the lease themselves.
 *
 * The backend makes each poll ONE atomic step, so "the holder stored and released" can never be
 * mistaken for "the holder vanished" (which would cause a second refresh).
 */

export type LeaseAttempt =
  | { readonly state: 'acquired' }
  /** A snapshot newer than the version the caller saw was stored: the holder's result. */
  | { readonly state: 'stored'; readonly snapshot: DirectorySnapshot }
  /** Someone else holds the lease; `version` is the stored snapshot's version now. */
  | { readonly state: 'busy'; readonly version: number };

export interface LeaseBackend {
  /**
   * Atomically: when `seenVersion` is a number and the stored version is above it, 'stored';
   * else take the lease for `holder` for `leaseMs` when it is free or expired ('acquired');
   * else 'busy'.
   */
  tryAcquire(
    scope: string,
    holder: string,
    leaseMs: number,
    seenVersion: number | null,
  ): Promise<LeaseAttempt>;
  /** Stores the snapshot (bumping its version) and drops the lease if `holder` still has it. */
  storeAndRelease(scope: string, holder: string, snapshot: DirectorySnapshot): Promise<void>;
  /** Drops the lease if `holder` still has it (the refresh failed). */
  release(scope: string, holder: string): Promise<void>;
}

export interface LeaseTiming {
  /** How long a holder may take before others assume it died. */
  readonly leaseMs: number;
  /** How often waiters look again. */
  readonly pollMs: number;
}

export const defaultLeaseTiming: LeaseTiming = { leaseMs: 30_000, pollMs: 100 };

export async function refreshOnce(
  backend: LeaseBackend,
  timing: LeaseTiming,
  scope: string,
  refresh: () => Promise<DirectorySnapshot>,
): Promise<DirectorySnapshot> {
  const holder = randomUUID();
  let seen: number | null = null;
  for (;;) {
    const attempt = await backend.tryAcquire(scope, holder, timing.leaseMs, seen);
    if (attempt.state === 'stored') return attempt.snapshot;
    if (attempt.state === 'acquired') {
      let snapshot: DirectorySnapshot;
      try {
        snapshot = await refresh();
      } catch (error) {
        // Let a waiter try at once rather than after the lease expires; the refresh's own
        // error is the one the caller needs, whatever release says.
        await backend.release(scope, holder).catch(() => undefined);
        throw error;
      }
      await backend.storeAndRelease(scope, holder, snapshot);
      return snapshot;
    }
    seen ??= attempt.version;
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
}

/** A stored snapshot's JSON, checked: the storage wrote it, but a file or key can be edited. */
export function parseSnapshot(json: string): DirectorySnapshot {
  const value: unknown = JSON.parse(json);
  if (
    typeof value === 'object' &&
    value !== null &&
    'rooms' in value &&
    Array.isArray(value.rooms) &&
    'fetchedAtMs' in value &&
    typeof value.fetchedAtMs === 'number'
  ) {
    return value as DirectorySnapshot;
  }
  throw new Error('The stored room directory is not a snapshot the relay wrote.');
}

export function snapshotJson(snapshot: DirectorySnapshot): string {
  return JSON.stringify({ rooms: snapshot.rooms, fetchedAtMs: snapshot.fetchedAtMs });
}
