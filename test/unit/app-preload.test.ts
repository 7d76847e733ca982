import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EVENT_NAMES,
  INVOKE_VERBS,
  eventChannel,
  invokeChannel,
} from '../../main/shared/ipc/channels';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, data: null })),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn(
        (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      ),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: electron.ipcRenderer,
}));

type Api = Record<string, unknown> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
};

async function loadApi(): Promise<Api> {
  await import('../../main/preload/preload');
  return electron.exposed.get('roomcall') as Api;
}

function deliver(channel: string, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? []) listener(args[0], ...args.slice(1));
}

describe('the preload', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear();
  });

  it('exposes window.roomcall with the contract verbs and on(), nothing else', async () => {
    const api = await loadApi();
    expect([...electron.exposed.keys()]).toEqual(['roomcall']);
    expect(Object.keys(api).sort()).toEqual([...INVOKE_VERBS, 'on'].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends exactly one argument, the request, on the verb own channel', async () => {
    const api = await loadApi();
    const setMeeting = api['setMeeting'] as (request: unknown, extra?: unknown) => Promise<unknown>;
    await setMeeting({ text: '806146667' }, 'ignored extra');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannel('setMeeting'), {
      text: '806146667',
    });
    await (api['getAppState'] as () => Promise<unknown>)();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      invokeChannel('getAppState'),
      undefined,
    );
  });

  it('gives listeners the payload only, never the IPC event, and unsubscribes', async () => {
    const api = await loadApi();
    const listener = vi.fn();
    const off = api.on('callProgress', listener);
    const ipcEvent = { sender: 'the ipcRenderer event object' };
    deliver(eventChannel('callProgress'), ipcEvent, { phase: 'ringing' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ phase: 'ringing' });
    off();
    deliver(eventChannel('callProgress'), ipcEvent, { phase: 'accepted' });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses events outside the contract and listeners that are not functions', async () => {
    const api = await loadApi();
    expect(() => api.on('roomcall:getAppState', vi.fn())).toThrow(TypeError);
    expect(() => api.on('__proto__', vi.fn())).toThrow(TypeError);
    expect(() => api.on(EVENT_NAMES[0], 'alert(1)' as never)).toThrow(TypeError);
  });
});
