/**
 * `window.roomcall` for component tests, served by the app's REAL handler table: every invoke
 * goes through main's dispatch (request checked by the contract, secret guard) to the real
 * services, which talk signed HTTP to the loopback simulator (test/sim); every event the
 * services push reaches the window's listeners, as the preload would deliver it. The same
 * pieces as the integration tests (test/integration/app-harness.ts) and the web preview: only
 * the transport differs (a function call and a tick instead of Electron's IPC or HTTP).
 *
 * Use it wherever the real stack can produce the state a test needs; FakeBridge
 * (fake-bridge.ts) is left for what it cannot produce deterministically.
 */
import { DetachedWindowAPI } from 'happy-dom';
import type { z } from 'zod';
import type { Clock } from '../../main/core/invite/clock';
import type { RoomcallBridge } from '../../main/shared/ipc/bridge';
import { bridgeFrom } from './bridge-from';
import {
  eventContract,
  invokeContract,
  type EventName,
  type EventPayloadOf,
  type InvokeVerb,
  type IpcError,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../../main/shared/ipc/contract';
import {
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
  type VirtualTime,
} from '../integration/app-harness';

export interface RealBridgeOptions extends HarnessOptions {
  /**
   * true: a call stays ringing until the test lets time pass (`real.finishRinging()`), so
   * "ringing" and cancelling it can be seen. Default false: the invite's polling sleeps move the
   * virtual clock on at once, so a call runs through to the simulator's outcome in a few
   * loopback round trips.
   */
  readonly holdRinging?: boolean;
}

export interface RealBridge {
  readonly bridge: RoomcallBridge;
  /** The app and the simulator behind the bridge (sim.roomWithOutcome, sim.requests, h.ok…). */
  readonly harness: AppHarness;
  /**
   * What the window sent to `verb`, in order, as it sent it. (What reached Tencent is in
   * `harness.requestsTo(method, path)`: the simulator's log.)
   */
  requestsTo(verb: InvokeVerb): unknown[];
  listenerCount(event: EventName): number;
  /** With holdRinging: lets the ring time pass, so the calls ringing settle on their outcome. */
  finishRinging(): void;
  close(): Promise<void>;
}

/**
 * The contract seen verb by verb (event by event): what the bridge hands the window is checked
 * by the schema of the verb it answers and typed by it, without a cast.
 */
const responses: { readonly [V in InvokeVerb]: { readonly response: z.ZodType<ResponseOf<V>> } } =
  invokeContract;
const payloads: { readonly [E in EventName]: z.ZodType<EventPayloadOf<E>> } = eventContract;

const CLOSED: IpcError = {
  kind: 'internal',
  message: 'The test is over: the app behind this window has stopped.',
  code: null,
  hint: null,
};

/** Like IPC, an answer or an event arrives on a later task, in the order main sent them. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The invite's clock with the ring held: each polling sleep waits a real millisecond and leaves
 * the virtual clock (the simulator's too) where it is, so a ringing call keeps ringing.
 */
function heldInviteClock(time: () => VirtualTime | null): Clock {
  return {
    now: () => time()?.now ?? 0,
    sleep: (_ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) {
          resolve();
          return;
        }
        const timer = setTimeout(resolve, 1);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      }),
  };
}

/**
 * Main and the window share one realm here, so the app's HTTP client runs on the test DOM's
 * fetch (happy-dom's: real HTTP over loopback, not a mock), which applies a page's same-origin
 * policy: the page is http://localhost:3000 and the simulator another origin, so every signed
 * request would be refused after a preflight. Main is no page and knows no such policy (Node's
 * fetch, Electron's net.fetch): turn it off for this window.
 */
function letMainFetchAnyOrigin(): void {
  const api: unknown = 'happyDOM' in window ? window.happyDOM : undefined;
  if (!(api instanceof DetachedWindowAPI)) throw new Error('the real bridge needs happy-dom');
  api.settings.fetch.disableSameOriginPolicy = true;
}

export async function startRealBridge(options: RealBridgeOptions = {}): Promise<RealBridge> {
  const { holdRinging = false, ...harnessOptions } = options;
  letMainFetchAnyOrigin();
  let time: VirtualTime | null = null;
  const harness = await startAppHarness({
    // Main's clock and the window's (Date.now, which ages a settled call's line) agree.
    startAt: Date.now(),
    ...harnessOptions,
    services: {
      ...harnessOptions.services,
      ...(holdRinging
        ? {
            // The harness makes the virtual time: the clock reads it once it exists.
            inviteClock: heldInviteClock(() => time),
          }
        : {}),
    },
  });
  time = harness.time;
  // What the app does as it starts: look up the current meeting.
  if (options.configured !== false) await harness.ok('refreshCurrentMeeting');

  let open = true;
  const recorded: { readonly verb: InvokeVerb; readonly request: unknown }[] = [];
  const subscribers = new Set<{
    readonly event: EventName;
    readonly deliver: (payload: unknown) => void;
  }>();
  const stopEvents = harness.onEvent((name, payload) => {
    void nextTask().then(() => {
      if (!open) return;
      for (const subscriber of [...subscribers]) {
        if (subscriber.event === name) subscriber.deliver(payload);
      }
    });
  });

  const inFlight = new Set<Promise<unknown>>();

  async function answer<V extends InvokeVerb>(
    verb: V,
    request: RequestOf<V>,
  ): Promise<IpcResult<ResponseOf<V>>> {
    // The request crosses as data (structured clone, as Electron's IPC does).
    const result = await harness.call(verb, structuredClone(request));
    await nextTask();
    if (!result.ok) return result;
    return { ok: true, data: responses[verb].response.parse(structuredClone(result.data)) };
  }

  function run<V extends InvokeVerb>(
    verb: V,
    request: RequestOf<V>,
  ): Promise<IpcResult<ResponseOf<V>>> {
    recorded.push({ verb, request });
    // After the test, a timer of an unmounted window may still ask: main is gone.
    if (!open) return Promise.resolve({ ok: false, error: CLOSED });
    const pending = answer(verb, request);
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
    return pending;
  }

  const on: RoomcallBridge['on'] = <E extends EventName>(
    event: E,
    listener: (payload: EventPayloadOf<E>) => void,
  ) => {
    const subscriber = {
      event,
      deliver: (payload: unknown) => {
        listener(payloads[event].parse(payload));
      },
    };
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
    };
  };
  const bridge = bridgeFrom(run, on);

  return {
    bridge,
    harness,
    requestsTo: (verb) =>
      recorded.filter((entry) => entry.verb === verb).map((entry) => entry.request),
    listenerCount: (event) =>
      [...subscribers].filter((subscriber) => subscriber.event === event).length,
    finishRinging() {
      harness.time.now += (harnessOptions.ringMs ?? 5_000) + 1;
    },
    async close() {
      open = false;
      stopEvents();
      subscribers.clear();
      // A call the window started just before the end must have reached main before main
      // stops (it cancels the calls in flight), or it would still be writing as the data
      // folder is removed.
      await Promise.allSettled([...inFlight]);
      await harness.close();
    },
  };
}

/** Starts the app and the simulator, and puts the bridge where the renderer looks for it. */
export async function installRealBridge(options: RealBridgeOptions = {}): Promise<RealBridge> {
  const real = await startRealBridge(options);
  Object.defineProperty(window, 'roomcall', {
    value: real.bridge,
    configurable: true,
    writable: true,
  });
  return real;
}
