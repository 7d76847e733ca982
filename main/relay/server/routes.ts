import {
  cancelRoomCall,
  getRoom,
  listMeetings,
  listRooms,
  meetingById,
  meetingsByCode,
  roomCall,
  roomCallInfo,
  type Operation,
} from './operations';

/**
 * The relay's paths (contract.ts relayPaths) and what serves each. Fixed paths before the
 * ones with an ID, so /v1/meetings/by-code is never read as a meeting called "by-code".
 */

export type Route =
  | { readonly kind: 'health' }
  | { readonly kind: 'sign-in-config' }
  | { readonly kind: 'me' }
  | {
      readonly kind: 'operation';
      readonly operation: Operation;
      readonly params: readonly string[];
    };

interface Entry {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly route: (params: readonly string[]) => Route;
  /** The path as logged: IDs as placeholders. */
  readonly name: string;
}

const op =
  (operation: Operation) =>
  (params: readonly string[]): Route => ({
    kind: 'operation',
    operation,
    params,
  });

const ENTRIES: readonly Entry[] = [
  { method: 'GET', pattern: /^\/healthz$/, route: () => ({ kind: 'health' }), name: '/healthz' },
  {
    method: 'GET',
    pattern: /^\/v1\/sign-in-config$/,
    route: () => ({ kind: 'sign-in-config' }),
    name: '/v1/sign-in-config',
  },
  { method: 'GET', pattern: /^\/v1\/me$/, route: () => ({ kind: 'me' }), name: '/v1/me' },
  { method: 'GET', pattern: /^\/v1\/rooms$/, route: op(listRooms), name: '/v1/rooms' },
  { method: 'GET', pattern: /^\/v1\/rooms\/([^/]+)$/, route: op(getRoom), name: '/v1/rooms/{id}' },
  { method: 'GET', pattern: /^\/v1\/meetings$/, route: op(listMeetings), name: '/v1/meetings' },
  {
    method: 'GET',
    pattern: /^\/v1\/meetings\/by-code$/,
    route: op(meetingsByCode),
    name: '/v1/meetings/by-code',
  },
  {
    method: 'GET',
    pattern: /^\/v1\/meetings\/([^/]+)$/,
    route: op(meetingById),
    name: '/v1/meetings/{id}',
  },
  { method: 'POST', pattern: /^\/v1\/room-calls$/, route: op(roomCall), name: '/v1/room-calls' },
  {
    method: 'POST',
    pattern: /^\/v1\/room-calls\/cancel$/,
    route: op(cancelRoomCall),
    name: '/v1/room-calls/cancel',
  },
  {
    method: 'POST',
    pattern: /^\/v1\/room-calls\/info$/,
    route: op(roomCallInfo),
    name: '/v1/room-calls/info',
  },
];

export type Match =
  | { readonly kind: 'found'; readonly route: Route; readonly name: string }
  | { readonly kind: 'wrong-method'; readonly allow: string; readonly name: string }
  | { readonly kind: 'none' };

export function matchRoute(method: string, pathname: string): Match {
  const candidates = ENTRIES.filter((entry) => entry.pattern.test(pathname));
  if (candidates.length === 0) return { kind: 'none' };
  // HEAD is GET without the body (node:http leaves the body out itself).
  const wanted = method === 'HEAD' ? 'GET' : method;
  for (const entry of candidates) {
    if (entry.method !== wanted) continue;
    const params = (entry.pattern.exec(pathname) ?? []).slice(1).map(decodeSegment);
    return { kind: 'found', route: entry.route(params), name: entry.name };
  }
  const first = candidates[0];
  return {
    kind: 'wrong-method',
    allow: [...new Set(candidates.map((entry) => entry.method))].join(', '),
    name: first?.name ?? pathname,
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Left as it is: the operation's schema refuses it with a clear message.
    return segment;
  }
}
