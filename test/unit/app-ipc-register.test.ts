import { describe, expect, it, vi } from 'vitest';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import { INVOKE_VERBS, invokeChannel } from '../../main/shared/ipc/channels';
import type { AppState } from '../../main/shared/ipc/contract';
import type { HandlerTable } from '../../main/app/handlers/handler-table';
import { plainDataProblem } from '../../main/app/ipc/plain-data';
import {
  handleInvoke,
  registerInvokeHandlers,
  type RegisterOptions,
} from '../../main/app/ipc/register';
import type { FrameLike, InvokeEventLike, IpcMainLike } from '../../main/app/ipc/types';
import { VERB_WINDOWS, type AppWindowKind } from '../../main/app/ipc/window-scope';

const APP_STATE: AppState = {
  version: '1.0.0',
  platform: 'linux',
  systemLocale: 'en-US',
  configured: true,
  credentials: { appId: '200000001', sdkId: null, secretIdHint: '…PLE', source: 'keychain' },
  operatorId: 'tester1',
  keychain: { available: true, message: null },
  warnings: [],
  relay: null,
};

/** A table whose every handler fails the test, except the ones given. */
function table(overrides: Partial<Record<string, (request: unknown) => Promise<unknown>>> = {}) {
  const calls: string[] = [];
  const entries = INVOKE_VERBS.map((verb) => [
    verb,
    (request: unknown) => {
      calls.push(verb);
      const handler = overrides[verb];
      return handler === undefined
        ? Promise.reject(new Error(`unexpected ${verb}`))
        : handler(request);
    },
  ]);
  return { table: Object.fromEntries(entries) as unknown as HandlerTable, calls };
}

function frame(url: string, overrides: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, frameTreeNodeId: 1, ...overrides };
}

function event(
  options: { id?: number; url?: string; senderFrame?: FrameLike | null } = {},
): InvokeEventLike {
  const main = frame('app://roomcall/popover.html');
  return {
    sender: {
      id: options.id ?? 1,
      mainFrame: main,
      isDestroyed: () => false,
      send: () => undefined,
    },
    senderFrame:
      options.senderFrame === undefined
        ? frame(options.url ?? 'app://roomcall/popover.html')
        : options.senderFrame,
  };
}

const options = (extra: Partial<RegisterOptions> = {}): RegisterOptions => ({
  policy: { isAppWindow: (id) => id === 1, scheme: 'app', host: 'roomcall' },
  ...extra,
});

describe('the registration wrapper', () => {
  it('registers one handler per contract verb and removes them again', () => {
    const handled = new Map<string, unknown>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => handled.set(channel, listener),
      removeHandler: (channel) => handled.delete(channel),
    };
    const remove = registerInvokeHandlers(ipc, table().table, options());
    expect([...handled.keys()].sort()).toEqual(INVOKE_VERBS.map(invokeChannel).sort());
    remove();
    expect(handled.size).toBe(0);
  });

  it('answers the app window with the handler data', async () => {
    const { table: t } = table({ getAppState: () => Promise.resolve(APP_STATE) });
    expect(await handleInvoke(t, 'getAppState', event(), [undefined], options())).toEqual({
      ok: true,
      data: APP_STATE,
    });
    // The preload sends the request as the one argument; none at all reads as undefined.
    expect(await handleInvoke(t, 'getAppState', event(), [], options())).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['an unknown webContents', event({ id: 99 })],
    ['another origin', event({ url: 'https://evil.example/popover.html' })],
    ['a file:// page', event({ url: 'file:///tmp/popover.html' })],
    ['another app:// host', event({ url: 'app://other/popover.html' })],
    ['a look-alike host', event({ url: 'app://roomcall.evil/popover.html' })],
    ['a page with credentials in its URL', event({ url: 'app://user:pw@roomcall/popover.html' })],
    [
      'a subframe',
      event({
        senderFrame: frame('app://roomcall/popover.html', {
          parent: frame('app://roomcall/x.html'),
        }),
      }),
    ],
    [
      'another frame of the window',
      event({ senderFrame: frame('app://roomcall/popover.html', { frameTreeNodeId: 2 }) }),
    ],
    ['a frame that is gone', event({ senderFrame: null })],
  ])('refuses %s without running the handler', async (_what, sender) => {
    const refused = vi.fn();
    const { table: t, calls } = table({ getAppState: () => Promise.resolve(APP_STATE) });
    const result = await handleInvoke(
      t,
      'getAppState',
      sender,
      [undefined],
      options({ onRefused: refused }),
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(refused).toHaveBeenCalledOnce();
  });

  it('refuses malformed payloads with a validation error', async () => {
    const { table: t, calls } = table();
    for (const [verb, payload] of [
      ['getAppState', {}],
      ['setMeeting', { text: 42 }],
      ['setMeeting', { text: '806146667', extra: true }],
      ['chooseMeeting', { meetingId: 7567173273889276131n }],
      ['startCall', { favoriteId: 'a', room: { meetingRoomId: '1', name: '', location: '' } }],
      ['updateSettings', { pollIntervalMs: Number.NaN }],
      ['openHelp', { topic: 'https://evil.example' }],
    ] as const) {
      const result = await handleInvoke(t, verb, event(), [payload], options());
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into an error result', async () => {
    const apiError = new WemeetApiError(
      { method: 'GET', path: '/v1/meeting-rooms' },
      { status: 400, errorCode: 190300, newErrorCode: null, serverMessage: null },
    );
    const onError = vi.fn();
    const { table: t } = table({
      testConnection: () => Promise.reject(apiError),
      getSettings: () => Promise.reject(new TypeError('secret stuff in a message')),
      // A rejection with something that is not an Error at all.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      listCalls: () => Promise.reject('a string, not an Error'),
      listHistory: () => {
        throw new Error('synchronous');
      },
    });
    expect(
      await handleInvoke(t, 'testConnection', event(), [undefined], options({ onError })),
    ).toEqual({
      ok: false,
      error: {
        kind: 'api',
        message: apiError.message,
        code: 190300,
        hint: apiError.hint,
        request: 'rooms',
      },
    });
    const internal = await handleInvoke(
      t,
      'getSettings',
      event(),
      [undefined],
      options({ onError }),
    );
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    // An unknown error's message could hold anything: only its class name is sent.
    expect(JSON.stringify(internal)).not.toContain('secret stuff');
    expect(await handleInvoke(t, 'listCalls', event(), [undefined], options())).toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
    expect(await handleInvoke(t, 'listHistory', event(), [undefined], options())).toMatchObject({
      ok: false,
    });
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it('sends only serialisable data that matches the contract', async () => {
    const { table: t } = table({
      // A field the contract does not name is dropped, not sent.
      getAppState: () => Promise.resolve({ ...APP_STATE, secretKey: 'should never leave' }),
      // Not the contract's shape at all.
      listCalls: () => Promise.resolve([new Map()]),
      hidePopover: () => Promise.resolve(undefined),
    });
    const state = await handleInvoke(t, 'getAppState', event(), [undefined], options());
    expect(state).toEqual({ ok: true, data: APP_STATE });
    for (const verb of ['listCalls', 'hidePopover']) {
      const result = await handleInvoke(t, verb, event(), [undefined], options());
      expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
      expect(plainDataProblem(result)).toBeNull();
    }
  });

  it('never sends a known secret, even inside an allowed field', async () => {
    const secret = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
    const { table: t } = table({
      getAppState: () => Promise.resolve({ ...APP_STATE, operatorId: `oops ${secret}` }),
      testConnection: () => Promise.reject(new Error(secret)),
    });
    const opts = options({ secrets: () => [secret] });
    for (const verb of ['getAppState', 'testConnection']) {
      const result = await handleInvoke(t, verb, event(), [undefined], opts);
      expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it('does not throw when the sender check itself throws', async () => {
    const { table: t } = table();
    const throwing = options({
      policy: {
        isAppWindow: () => {
          throw new Error('broken');
        },
        scheme: 'app',
        host: 'roomcall',
      },
    });
    expect(await handleInvoke(t, 'getAppState', event(), [undefined], throwing)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});

describe('plain data', () => {
  it('accepts JSON-like values and refuses the rest', () => {
    expect(plainDataProblem({ a: [1, 'x', null, true, { b: undefined }] })).toBeNull();
    expect(plainDataProblem(Object.create(null))).toBeNull();
    for (const value of [
      Number.NaN,
      Infinity,
      1n,
      Symbol('s'),
      () => 1,
      new Date(),
      new Map(),
      new Uint8Array(1),
    ]) {
      expect(plainDataProblem({ value })).not.toBeNull();
    }
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(plainDataProblem(cycle)).toContain('cycle');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(plainDataProblem(deep)).toContain('deeply');
    // The same object twice is not a cycle.
    const shared = { x: 1 };
    expect(plainDataProblem([shared, shared])).toBeNull();
  });
});

describe('the verb scope per window', () => {
  const windows: Record<number, AppWindowKind> = { 1: 'popover', 2: 'picker', 3: 'settings' };
  const scoped = options({
    policy: {
      isAppWindow: (id) => id in windows,
      windowOf: (id) => windows[id] ?? null,
      scheme: 'app',
      host: 'roomcall',
    },
  });
  const from = (id: number) =>
    event({ id, url: `app://roomcall/${windows[id] ?? 'popover'}.html` });

  it('lists every verb, each for at least one window', () => {
    expect(Object.keys(VERB_WINDOWS).sort()).toEqual([...INVOKE_VERBS].sort());
    for (const allowed of Object.values(VERB_WINDOWS)) expect(allowed.length).toBeGreaterThan(0);
  });

  it('refuses the popover and the picker the credentials, before any handler runs', async () => {
    const { table: t, calls } = table();
    for (const id of [1, 2]) {
      for (const verb of ['saveCredentials', 'logout', 'testConnection', 'updateSettings']) {
        const request =
          verb === 'saveCredentials'
            ? { appId: '1', secretId: 'AKIDEXAMPLE1', secretKey: 'k'.repeat(32) }
            : undefined;
        expect(await handleInvoke(t, verb, from(id), [request], scoped)).toMatchObject({
          ok: false,
          error: { kind: 'forbidden' },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('lets each window call what its page uses, and nothing of the others', async () => {
    const { table: t, calls } = table({
      getAppState: () => Promise.resolve(APP_STATE),
      hidePopover: () => Promise.resolve(null),
    });
    for (const id of [1, 2, 3]) {
      expect(await handleInvoke(t, 'getAppState', from(id), [undefined], scoped)).toMatchObject({
        ok: true,
      });
    }
    expect(await handleInvoke(t, 'hidePopover', from(1), [undefined], scoped)).toEqual({
      ok: true,
      data: null,
    });
    for (const [id, verb] of [
      [2, 'hidePopover'],
      [3, 'startCall'],
      [1, 'importFavorites'],
      [3, 'removeFavorite'],
      [2, 'setMeeting'],
    ] as const) {
      expect(await handleInvoke(t, verb, from(id), [undefined], scoped)).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    expect(calls).toEqual(['getAppState', 'getAppState', 'getAppState', 'hidePopover']);
  });

  it('refuses a sender whose window the shell does not know', async () => {
    const { table: t } = table({ getAppState: () => Promise.resolve(APP_STATE) });
    const stranger = options({
      policy: { isAppWindow: () => true, windowOf: () => null, scheme: 'app', host: 'roomcall' },
    });
    expect(await handleInvoke(t, 'getAppState', event(), [undefined], stranger)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
