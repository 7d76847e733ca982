/**
 * The app's services and handler table against the simulator over loopback, as the Electron
 * shell builds them, with an in-memory credential store, a temporary data folder and one
 * virtual clock shared by the simulator (call timing, replay and skew checks), the client
 * (X-TC-Timestamp), the invite's polling and the services' timers. Nothing is mocked: every
 * call is a signed HTTP request to the simulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../main/core/invite/clock';
import type { ManagedLoad } from '../../main/core/managed/load-managed';
import {
  createMemoryStore,
  type MemoryCredentialStore,
} from '../../main/core/secrets/memory-store';
import { openSettings } from '../../main/core/store/settings';
import { createHandlerTable, type HandlerTable } from '../../main/app/handlers/handler-table';
import type { WindowPort } from '../../main/app/handlers/window-port';
import { saveWithDialog } from '../../main/app/electron/save-file';
import { createFakeDialog } from '../helpers/fake-electron';
import { dispatchInvoke } from '../../main/app/ipc/dispatch';
import { createEventHub } from '../../main/app/ipc/event-hub';
import type { AppClock, TimerHandle } from '../../main/app/services/clock';
import {
  createAppServices,
  type AppServices,
  type AppServicesOptions,
} from '../../main/app/services/create-app-services';
import {
  eventContract,
  invokeContract,
  type CallView,
  type EventName,
  type EventPayloadOf,
  type InvokeVerb,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../../main/shared/ipc/contract';
import type { z } from 'zod';
import { startSimulator, type RoomOutcome, type Simulator } from '../sim/index';
import { DEFAULT_PROFILE } from '../../main/shared/model/settings-schema';
import { simRoomRef } from '../helpers/sim-room-ref';

export const START = 1_763_000_000_000;

/** Virtual time: sleeping moves it on at once; timers fire when a test advances it. */
export class VirtualTime {
  now: number;
  #timers: { id: number; at: number; callback: () => void }[] = [];
  #nextId = 1;

  constructor(start = START) {
    this.now = start;
  }

  readonly appClock: AppClock = {
    now: () => this.now,
    setTimeout: (callback, ms) => {
      const id = this.#nextId++;
      this.#timers.push({ id, at: this.now + ms, callback });
      return id;
    },
    clearTimeout: (handle: TimerHandle) => {
      this.#timers = this.#timers.filter((timer) => timer.id !== handle);
    },
  };

  readonly inviteClock: Clock = {
    now: () => this.now,
    sleep: (ms, signal) => {
      if (!signal.aborted) this.now += ms;
      return Promise.resolve();
    },
  };

  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time on, firing the timers that fall due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.now = Math.max(this.now, due.at);
      due.callback();
    }
    this.now = until;
  }
}

export interface RecordedEvent {
  readonly name: EventName;
  readonly payload: unknown;
}

export interface HarnessOptions {
  /**
   * Where the virtual clock starts (default START). The component tests' real bridge starts it
   * at the wall clock, which the windows read (Date.now) to age a settled call's line.
   */
  readonly startAt?: number;
  /** Demo credentials saved and the operator set (default true). */
  readonly configured?: boolean;
  readonly ringMs?: number;
  /** The simulator's sparse mode (zero, false and empty fields left out, as Go's omitempty). */
  readonly sparse?: boolean;
  /**
   * Real milliseconds room-call takes to reach the server, as over a real network: two quick
   * clicks then really overlap with the first room-call in flight (default: none).
   */
  readonly roomCallLatencyMs?: number;
  /** The client's per-request timeout in real milliseconds (default 5000). */
  readonly clientTimeoutMs?: number;
  readonly rooms?: number;
  readonly managed?: ManagedLoad;
  /** Added to the client's clock only (X-TC-Timestamp): provokes 190300 when far off. */
  readonly clientClockOffset?: () => number;
  /** false: no secret guard in dispatch and the hub, so a leak would show in the outputs. */
  readonly guard?: boolean;
  readonly services?: Partial<AppServicesOptions>;
  /**
   * Another app on this data folder (as a second start of the app would be): the folder is
   * the caller's, left in place by close. Default: a new temporary folder, removed by close.
   */
  readonly dataDir?: string;
  /** The process environment the app sees, made from the simulator (WEMEET_* variables). */
  readonly env?: (sim: Simulator) => Record<string, string>;
}

export interface AppHarness {
  readonly sim: Simulator;
  readonly app: AppServices;
  readonly table: HandlerTable;
  readonly time: VirtualTime;
  readonly store: MemoryCredentialStore;
  readonly dataDir: string;
  readonly events: RecordedEvent[];
  /** Events the hub refused to send (a contract mismatch is a bug). */
  readonly dropped: string[];
  readonly windowCalls: string[];
  /** The save dialog export opens (the stand-in electron's): queue the paths to choose. */
  readonly saveDialog: ReturnType<typeof createFakeDialog>;
  /** What main put on the clipboard, last first. */
  readonly clipboard: string[];
  /** The lines the shell's log would hand to diagnostics. */
  readonly logLines: string[];
  /** One call as a window makes it: the untrusted payload through dispatch. */
  call(verb: string, payload?: unknown): Promise<IpcResult<unknown>>;
  /** The same, expecting success: the data, typed and checked by the verb's contract. */
  ok<V extends InvokeVerb>(verb: V, payload?: RequestOf<V>): Promise<ResponseOf<V>>;
  eventsNamed<E extends EventName>(name: E): EventPayloadOf<E>[];
  /**
   * Every event the hub sends from now on, as a window's preload would receive it (checked by
   * the contract already). Returns the function that unsubscribes. For test/components'
   * real bridge.
   */
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** Resolves with the first recorded event (past or future) that matches. */
  waitForEvent<E extends EventName>(
    name: E,
    match: (payload: EventPayloadOf<E>) => boolean,
    timeoutMs?: number,
  ): Promise<EventPayloadOf<E>>;
  requestsTo(method: string, pathname: string): Simulator['requests'];
  close(): Promise<void>;
}

/**
 * The contract seen verb by verb (event by event), so that `ok` and `eventsNamed` check what
 * they return with the schema of the verb they were given and are typed by it: no cast.
 */
const responses: { readonly [V in InvokeVerb]: { readonly response: z.ZodType<ResponseOf<V>> } } =
  invokeContract;
const payloads: { readonly [E in EventName]: z.ZodType<EventPayloadOf<E>> } = eventContract;

export async function startAppHarness(options: HarnessOptions = {}): Promise<AppHarness> {
  const time = new VirtualTime(options.startAt);
  const sim = await startSimulator({
    rooms: options.rooms ?? 40,
    clock: () => time.now,
    callTiming: { ringMs: options.ringMs ?? 5_000 },
    sparse: options.sparse ?? false,
  });
  if (options.roomCallLatencyMs !== undefined) {
    sim.faults.inject({
      type: 'delay',
      path: '/v1/meeting-rooms/room-call',
      ms: options.roomCallLatencyMs,
      times: Infinity,
    });
  }
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'roomcall-app-')));
  const store = createMemoryStore();
  const settings = openSettings({ dir: dataDir, onWarning: () => undefined });
  const configured = options.configured ?? true;
  await settings.update({
    baseUrl: sim.baseUrl,
    ...(configured ? { operatorId: sim.operatorId } : {}),
  });
  if (configured) await store.set(DEFAULT_PROFILE, sim.credentials);

  const guard = options.guard ?? true;
  const events: RecordedEvent[] = [];
  const dropped: string[] = [];
  const waiters = new Set<() => void>();
  let app: AppServices | null = null;
  const secrets = () => (guard ? (app?.session.knownSecrets() ?? []) : []);
  const hub = createEventHub({
    validate: true,
    secrets,
    onDropped: (name, reason) => dropped.push(`${name}: ${reason}`),
  });
  hub.subscribe((name, payload) => {
    events.push({ name, payload });
    for (const wake of waiters) wake();
  });
  app = createAppServices({
    dataDir,
    env: options.env?.(sim) ?? {},
    credentialStore: store,
    managed: options.managed ?? { status: 'absent', file: '/nonexistent/managed.json' },
    identity: { version: '1.2.3-test', platform: 'linux', systemLocale: 'en-US' },
    emit: (name, payload) => {
      hub.emit(name, payload);
    },
    clock: time.appClock,
    inviteClock: time.inviteClock,
    api: {
      now: () => time.now + (options.clientClockOffset?.() ?? 0),
      timeoutMs: options.clientTimeoutMs ?? 5_000,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      sleep: () => Promise.resolve(),
    },
    ...options.services,
  });
  const services = app;
  const windowCalls: string[] = [];
  const saveDialog = createFakeDialog();
  const clipboard: string[] = [];
  const logLines: string[] = [];
  const windows: WindowPort = {
    // The shell's own save: the stand-in dialog, then the real atomic write.
    saveFile: (defaultName, contents) =>
      saveWithDialog({ dialog: saveDialog, parent: null, folder: dataDir, defaultName, contents }),
    copyText: (text) => {
      clipboard.unshift(text);
      return Promise.resolve(true);
    },
    diagnostics: () => ({
      managed: options.managed?.status ?? 'absent',
      logLines: [...logLines],
    }),
    openWindow: (name) => windowCalls.push(`open:${name}`),
    hidePopover: () => windowCalls.push('hide'),
    openExternal: (url) => {
      windowCalls.push(`external:${url}`);
      return Promise.resolve();
    },
  };
  const table = createHandlerTable(services, windows);
  const call = (verb: string, payload?: unknown) =>
    dispatchInvoke(table, verb, payload, { secrets });

  const harness: AppHarness = {
    sim,
    app: services,
    table,
    time,
    store,
    dataDir,
    events,
    dropped,
    windowCalls,
    saveDialog,
    clipboard,
    logLines,
    call,
    async ok<V extends InvokeVerb>(verb: V, payload?: RequestOf<V>): Promise<ResponseOf<V>> {
      const result = await call(verb, payload);
      if (!result.ok) throw new Error(`${verb} failed: ${JSON.stringify(result.error)}`);
      // Checked against the contract rather than cast: a wrong answer fails here, by name.
      return responses[verb].response.parse(result.data);
    },
    onEvent: (listener) => hub.subscribe(listener),
    eventsNamed<E extends EventName>(name: E) {
      return events
        .filter((event) => event.name === name)
        .map((event) => payloads[name].parse(event.payload));
    },
    waitForEvent<E extends EventName>(
      name: E,
      match: (payload: EventPayloadOf<E>) => boolean,
      timeoutMs = 5_000,
    ) {
      return new Promise<EventPayloadOf<E>>((resolve, reject) => {
        const check = () => {
          const found = harness.eventsNamed(name).find(match);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching ${name} event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    requestsTo: (method, pathname) =>
      sim.requests.filter((request) => request.method === method && request.path === pathname),
    async close() {
      await services.close();
      await sim.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      // An event the contract refused is a bug in a service, whatever the test checked.
      if (dropped.length > 0) throw new Error(`events not sent:\n${dropped.join('\n')}`);
    },
  };
  return harness;
}

/** startCall's request, as a window sends it, for the simulator's room whose calls end so. */
export function roomCallRequest(sim: Simulator, outcome: RoomOutcome): RequestOf<'startCall'> {
  const room = sim.roomWithOutcome(outcome);
  return {
    room: simRoomRef(room),
  };
}

/** The call's first settled progress view (past or future). */
export function settledCall(h: AppHarness, callId: string, timeoutMs?: number): Promise<CallView> {
  return h.waitForEvent(
    'callProgress',
    (view) => view.callId === callId && view.settled,
    timeoutMs,
  );
}
