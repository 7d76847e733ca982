import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UPDATE_TIMING,
  installOnQuit,
  nextCheckDelay,
  normalizeFeedUrl,
  restartDecision,
  shouldAnnounce,
  type UpdatePhase,
} from '../../main/app/updates/update-policy';

const timing = { firstCheckDelayMs: 1_000, intervalMs: 10_000, retryAfterErrorMs: 3_000 };
const idle: UpdatePhase = { kind: 'idle' };
const ready: UpdatePhase = { kind: 'ready', version: '1.2.0', announced: false };

describe('normalizeFeedUrl', () => {
  it('keeps updates off without a feed', () => {
    expect(normalizeFeedUrl(null)).toBeNull();
    expect(normalizeFeedUrl(undefined)).toBeNull();
    expect(normalizeFeedUrl('   ')).toBeNull();
    expect(normalizeFeedUrl('not a url')).toBeNull();
  });

  it('accepts https only', () => {
    expect(normalizeFeedUrl('http://updates.corp.example/roomcall/')).toBeNull();
    expect(normalizeFeedUrl('file:///tmp/feed/')).toBeNull();
    expect(normalizeFeedUrl('https://updates.corp.example/roomcall/')).toBe(
      'https://updates.corp.example/roomcall/',
    );
  });

  it('makes the feed a folder so latest.yml resolves inside it', () => {
    expect(normalizeFeedUrl(' https://updates.corp.example/roomcall ')).toBe(
      'https://updates.corp.example/roomcall/',
    );
  });
});

describe('nextCheckDelay', () => {
  it('waits a little after start-up before the first check', () => {
    expect(nextCheckDelay(idle, null, 0, timing)).toBe(1_000);
  });

  it('checks again one interval after the last check', () => {
    expect(nextCheckDelay(idle, 50_000, 50_000, timing)).toBe(10_000);
    expect(nextCheckDelay(idle, 50_000, 57_000, timing)).toBe(3_000);
    expect(nextCheckDelay(idle, 50_000, 90_000, timing)).toBe(0);
  });

  it('never waits longer than an interval when the clock jumps back', () => {
    expect(nextCheckDelay(idle, 50_000, 10_000, timing)).toBe(10_000);
  });

  it('retries sooner after a failure, never in a tight loop', () => {
    expect(nextCheckDelay({ kind: 'failed', message: 'offline' }, 0, 0, timing)).toBe(3_000);
    expect(DEFAULT_UPDATE_TIMING.retryAfterErrorMs).toBeGreaterThanOrEqual(60_000);
  });

  it('schedules nothing while checking, downloading or holding a downloaded update', () => {
    expect(nextCheckDelay({ kind: 'checking' }, 0, 0, timing)).toBeNull();
    expect(nextCheckDelay({ kind: 'downloading', version: '1.2.0' }, 0, 0, timing)).toBeNull();
    expect(nextCheckDelay(ready, 0, 0, timing)).toBeNull();
  });

  it('uses sane defaults: a minute before the first check, hours between checks', () => {
    expect(nextCheckDelay(idle, null, 0)).toBe(60_000);
    expect(DEFAULT_UPDATE_TIMING.intervalMs).toBeGreaterThanOrEqual(60 * 60_000);
  });
});

describe('announcing and installing', () => {
  it('announces a downloaded update once, and only when a restart would cut nothing short', () => {
    expect(shouldAnnounce(ready, true)).toBe(true);
    expect(shouldAnnounce(ready, false)).toBe(false);
    expect(shouldAnnounce({ ...ready, announced: true }, true)).toBe(false);
    expect(shouldAnnounce(idle, true)).toBe(false);
  });

  it('installs on quit only with a downloaded update and nothing ringing', () => {
    expect(installOnQuit(ready, true)).toBe(true);
    expect(installOnQuit(ready, false)).toBe(false);
    expect(installOnQuit({ kind: 'downloading', version: '1.2.0' }, true)).toBe(false);
    expect(installOnQuit(idle, true)).toBe(false);
  });

  it('lets the user restart to update unless a call rings', () => {
    expect(restartDecision(ready, true)).toEqual({ ok: true, version: '1.2.0' });
    expect(restartDecision(ready, false)).toMatchObject({ ok: false, reason: 'busy' });
    expect(restartDecision(idle, true)).toMatchObject({ ok: false, reason: 'no-update' });
  });
});
