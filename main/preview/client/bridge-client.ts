import type { RoomcallBridge } from '../../shared/ipc/bridge';
import { EVENT_NAMES, INVOKE_VERBS } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';

/** What the browser gives the bridge; tests pass their own. */
export interface PreviewTransport {
  /** The preview server's origin, e.g. http://127.0.0.1:5174 ('' for the page's own). */
  readonly base: string;
  /** The bridge's token from the page's address (#token=…), sent on every call. */
  readonly token: string;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly eventSource: (url: string) => EventSourceLike;
  /** Opens another page of the app, as openWindow does in Electron (a named tab here). */
  readonly open?: ((url: string, target: string) => void) | undefined;
}

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { readonly data: string }) => void): void;
  removeEventListener(type: string, listener: (event: { readonly data: string }) => void): void;
}

const UNREACHABLE: IpcResult<never> = {
  ok: false,
  error: {
    kind: 'network',
    message: 'The RoomCall preview server is not reachable.',
    code: null,
    hint: 'Start it again with `npm run preview`.',
  },
};

/**
 * `window.roomcall` for the web preview: the same RoomcallBridge as the preload's, over the
 * preview server's HTTP bridge. Each verb POSTs its request to /ipc/<verb> and resolves to the
 * server's Result; `on` listens to /events (one EventSource shared by all listeners).
 */
export function createPreviewBridge(transport: PreviewTransport): RoomcallBridge {
  const api: Record<string, unknown> = {};
  for (const verb of INVOKE_VERBS) {
    api[verb] = async (request?: unknown): Promise<IpcResult<unknown>> => {
      let result: IpcResult<unknown>;
      try {
        const response = await transport.fetch(`${transport.base}/ipc/${verb}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-RoomCall-Token': transport.token },
          body: request === undefined ? '' : JSON.stringify(request),
        });
        result = (await response.json()) as IpcResult<unknown>;
      } catch {
        return UNREACHABLE;
      }
      if (verb === 'openWindow' && result.ok && isWindowRequest(request)) {
        transport.open?.(
          `${transport.base}/${request.window}.html#token=${encodeURIComponent(transport.token)}`,
          `roomcall-${request.window}`,
        );
      }
      return result;
    };
  }

  let source: EventSourceLike | null = null;
  const events: readonly string[] = EVENT_NAMES;
  api['on'] = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !events.includes(event)) {
      throw new TypeError('roomcall.on: unknown event');
    }
    if (typeof listener !== 'function')
      throw new TypeError('roomcall.on: listener must be a function');
    // EventSource cannot send headers: the token goes in the query.
    source ??= transport.eventSource(
      `${transport.base}/events?token=${encodeURIComponent(transport.token)}`,
    );
    const forward = (message: { readonly data: string }) => {
      (listener as (payload: unknown) => void)(JSON.parse(message.data));
    };
    const stream = source;
    stream.addEventListener(event, forward);
    return () => {
      stream.removeEventListener(event, forward);
    };
  };
  return Object.freeze(api) as unknown as RoomcallBridge;
}

function isWindowRequest(request: unknown): request is { window: string } {
  return (
    typeof request === 'object' &&
    request !== null &&
    'window' in request &&
    (request.window === 'picker' || request.window === 'settings')
  );
}
