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
});
