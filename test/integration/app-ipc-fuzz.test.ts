/**
 * Thousands of random and hostile payloads on every channel, through the registration
 * wrapper exactly as Electron's ipcMain would deliver them from the app's own window: none
 * crashes it, none rejects, none reaches a handler or the API (the simulator sees no request),
 * and each gets a validation error as a small, plain, serialisable Result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_VERBS, invokeChannel } from '../../main/shared/ipc/channels';
import { invokeContract, type InvokeVerb } from '../../main/shared/ipc/contract';
import type { HandlerTable } from '../../main/app/handlers/handler-table';
import { plainDataProblem } from '../../main/app/ipc/plain-data';
import { registerInvokeHandlers } from '../../main/app/ipc/register';
import type { InvokeEventLike, IpcMainLike } from '../../main/app/ipc/types';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hostileImportFile } from '../helpers/hostile-favorites';
import { nearMiss, randomValue, seededRandom, VALID_REQUESTS } from '../helpers/hostile-payloads';
import { startAppHarness, type AppHarness } from './app-harness';

const SEED = 20_251_125;
const PER_VERB = 120;

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness();
});
afterAll(async () => {
  await h.close();
});

const frame = { url: 'app://roomcall/popover.html', parent: null, frameTreeNodeId: 1 };
const trusted: InvokeEventLike = {
  sender: { id: 7, mainFrame: frame, isDestroyed: () => false, send: () => undefined },
  senderFrame: frame,
};

function isInvalid(verb: InvokeVerb, payload: unknown): boolean {
  try {
    return !invokeContract[verb].request.safeParse(payload).success;
  } catch {
    return true;
  }
}

describe('IPC fuzz', () => {
  it(`answers ${INVOKE_VERBS.length * PER_VERB} hostile payloads with validation errors only`, async () => {
    const random = seededRandom(SEED);
    const handled: string[] = [];
    // The real table, wrapped so a handler that runs at all is noticed.
    const table = Object.fromEntries(
      Object.entries(h.table).map(([verb, handler]) => [
        verb,
        (request: unknown) => {
          handled.push(verb);
          return (handler as (request: unknown) => Promise<unknown>)(request);
        },
      ]),
    ) as unknown as HandlerTable;
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => listeners.set(channel, listener),
      removeHandler: (channel) => listeners.delete(channel),
    };
    registerInvokeHandlers(ipc, table, {
      policy: { isAppWindow: (id) => id === 7, scheme: 'app', host: 'roomcall' },
      secrets: () => h.app.session.knownSecrets(),
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);

    let sent = 0;
    try {
      for (const verb of INVOKE_VERBS) {
        const listener = listeners.get(invokeChannel(verb));
        if (listener === undefined) throw new Error(`${verb} is not registered`);
        const valid = VALID_REQUESTS[verb];
        for (let n = 0; n < PER_VERB;) {
          const payload =
            valid !== undefined && random() < 0.5 ? nearMiss(random, valid) : randomValue(random);
          // Only payloads the contract refuses: a random one could happen to be valid.
          if (!isInvalid(verb, payload)) continue;
          n += 1;
          sent += 1;
          const result: unknown = await listener(trusted, payload);
          expect(result).toMatchObject({ ok: false, error: { kind: 'validation', code: null } });
          expect(plainDataProblem(result)).toBeNull();
          // The answer names what is wrong, never echoes a megabyte back.
          expect(JSON.stringify(result).length).toBeLessThan(4_000);
        }
        // Extra arguments are refused too (the preload sends exactly one).
        expect(await listener(trusted, valid, 'extra')).toMatchObject({
          ok: false,
          error: { kind: 'validation' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(sent).toBe(INVOKE_VERBS.length * PER_VERB);
    expect(handled).toEqual([]);
    expect(rejections).toEqual([]);
    expect(h.sim.requests).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses channels outside the contract, whatever they are called', async () => {
    const { dispatchInvoke } = await import('../../main/app/ipc/dispatch');
    for (const verb of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'getAppState ',
      42,
    ]) {
      expect(await dispatchInvoke(h.table, verb, undefined)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    }
    expect(h.sim.requests).toEqual([]);
  });

  it('runs accepted-but-hostile payloads through the real handlers: Results only, main unharmed', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    registerInvokeHandlers(
      {
        handle: (channel, listener) => listeners.set(channel, listener),
        removeHandler: (channel) => listeners.delete(channel),
      },
      h.table,
      {
        policy: { isAppWindow: (id) => id === 7, scheme: 'app', host: 'roomcall' },
        secrets: () => h.app.session.knownSecrets(),
      },
    );
    const call = async (verb: InvokeVerb, payload: unknown): Promise<unknown> => {
      const listener = listeners.get(invokeChannel(verb));
      if (listener === undefined) throw new Error(`${verb} is not registered`);
      return await listener(trusted, payload);
    };
    const doc = (favorites: string[], head = '') =>
      `{${head}"format":"roomcall-favorites","version":1,"favorites":[${favorites.join(',')}]}`;
    const mra = (n: number, extra = '', label = `"Lab ${n}"`) =>
      `{"kind":"mra","protocol":"sip","dialString":"room${n}@vc.example.com","label":${label}${extra}}`;
    const POLLUTE = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
    const BIDI = '\u202Egnp.exe\u2066\u200F\u061C';
    const KB100 = 'x'.repeat(100 * 1024);
    const cases: [string, InvokeVerb, unknown][] = [
      // Just under the 2 MB size cap: a million bogus entries (over the entry cap).
      ['2 MB of a million entries', 'importFavorites', { json: hostileImportFile(1_040_000) }],
      // Just under the entry cap, each a near-max label, 1.9 MB in all.
      [
        '2,000 entries of 900-character labels',
        'importFavorites',
        { json: doc(Array.from({ length: 2_000 }, (_, n) => mra(n, '', `"${'L'.repeat(900)}"`))) },
      ],
      ['prototype keys in the document', 'importFavorites', { json: doc([mra(1)], `${POLLUTE},`) }],
      [
        'prototype keys in every entry',
        'importFavorites',
        { json: doc([mra(2, `,${POLLUTE}`), `{${POLLUTE}}`, '{"__proto__":[]}']) },
      ],
      [
        '100 KB strings in entries',
        'importFavorites',
        { json: doc([mra(3, '', `"${KB100}"`), `{"kind":"room","meetingRoomId":"${KB100}"}`]) },
      ],
      [
        'bidi labels in entries',
        'importFavorites',
        { json: doc([mra(4, '', JSON.stringify(BIDI))]) },
      ],
      [
        'a bidi label',
        'addFavorite',
        { kind: 'mra', protocol: 'sip', dialString: 'bidi@vc.example.com', label: BIDI },
      ],
      [
        'prototype names as a label and an address',
        'addFavorite',
        {
          kind: 'mra',
          protocol: 'sip',
          dialString: '__proto__@vc.example.com',
          label: 'constructor',
        },
      ],
      [
        'a room named __proto__',
        'addFavorite',
        { kind: 'room', meetingRoomId: '__proto__', name: 'constructor', location: 'prototype' },
      ],
      ['1,980 characters of bidi text as a meeting', 'setMeeting', { text: BIDI.repeat(180) }],
      ['__proto__ as a meeting', 'setMeeting', { text: '__proto__' }],
      ['a favourite id __proto__', 'renameFavorite', { id: '__proto__', label: BIDI }],
      ['a favourite id constructor', 'startCall', { favoriteId: 'constructor' }],
      ['a call id __proto__', 'cancelCall', { callId: '__proto__' }],
      [
        'a bidi address label',
        'startCall',
        { mra: { protocol: 'sip', dialString: 'bidi@vc.example.com', label: BIDI } },
      ],
    ];
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      for (const [name, verb, payload] of cases) {
        // Accepted by the contract: the handler itself has to cope.
        expect(invokeContract[verb].request.safeParse(payload).success, name).toBe(true);
        const result: unknown = await call(verb, payload);
        expect(result, name).toMatchObject({ ok: expect.any(Boolean) as unknown });
        expect(plainDataProblem(result), name).toBeNull();
        // Bounded, whatever came in (the largest is the 2,000-entry report).
        expect(JSON.stringify(result).length, name).toBeLessThan(64 * 1024);
        expect(JSON.stringify(result), name).not.toContain('polluted');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    // Nothing reached Object.prototype, and no favourite carries a prototype key.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const listed = await call('listFavorites', undefined);
    expect(listed).toMatchObject({ ok: true });
    const favorites = (listed as { data: Record<string, unknown>[] }).data;
    // The entries beside (and holding) prototype keys were imported, as plain favourites.
    const dialled = favorites.map((favorite) => favorite['dialString']);
    expect(dialled).toEqual(
      expect.arrayContaining(['room1@vc.example.com', 'room2@vc.example.com']),
    );
    for (const favorite of favorites) {
      expect(Object.getPrototypeOf(favorite)).toBe(Object.prototype);
      expect(Object.keys(favorite)).not.toContain('__proto__');
      expect(Object.keys(favorite)).not.toContain('polluted');
      expect(JSON.stringify(favorite)).not.toMatch(
        /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/,
      );
    }
    const onDisk = await readFile(path.join(h.dataDir, 'favorites.json'), 'utf8');
    expect(onDisk).not.toContain('polluted');
    expect(onDisk).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    // No room-call went out (bidi and unknown targets are refused before the API).
    expect(h.sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    // Main still answers normally afterwards.
    expect(await call('getAppState', undefined)).toMatchObject({
      ok: true,
      data: { configured: true },
    });
  });
});
