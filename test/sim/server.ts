/**
 * startSimulator: a local stand-in for the Tencent Meeting REST API on loopback (node:http).
 *
 * Each request: read the body → record it → gateway checks (auth.ts) → rate limit → faults
 * ('before') → route → faults ('after') → answer. See README.md.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Gateway } from './auth';
import { CallBook } from './calls';
import {
  SIM_ADMINS,
  SIM_APP_ID,
  SIM_OPERATOR_ID,
  SIM_SECRET_ID,
  SIM_SECRET_KEY,
  SIM_USERS,
  generateMeetings,
  generateRooms,
} from './data';
import { ErrorCode, SimError } from './errors';
import { FaultBook, faultReply } from './faults';
import { errorReply, jsonReply, type SimReply } from './reply';
import { mraBehaviour } from './routes/room-call';
import { ROUTES } from './routes/index';
import { Rng } from './rng';
import { omitEmpty } from './sparse';
import { createState } from './state';
import type { RouteRequest, SimState } from './state';
import type {
  Fault,
  MraOutcome,
  RecordedRequest,
  RoomOutcome,
  SimCredentials,
  SimRoom,
  Simulator,
  SimulatorOptions,
} from './types';

const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

function parseQuery(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of search) {
    if (!Object.hasOwn(query, key)) query[key] = value;
  }
  return query;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) {
    throw new Error(`the simulator listens on loopback only, not on ${host}`);
  }
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const roomCount = options.rooms ?? 40;
  if (!Number.isInteger(roomCount) || roomCount < 0)
    throw new Error('rooms must be an integer ≥ 0');
  const ringMs = options.callTiming?.ringMs ?? 1500;
  const sdkId = options.sdkId === '' ? null : (options.sdkId ?? null);
  const rateLimit = options.rateLimitPerMinute;
  const log = options.log ?? false;
  const sparse = options.sparse ?? false;
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error('latencyMs must be a finite number ≥ 0');
  }

  const credentials: SimCredentials = {
    appId: SIM_APP_ID,
    secretId: SIM_SECRET_ID,
    secretKey: SIM_SECRET_KEY,
    ...(sdkId === null ? {} : { sdkId }),
  };
  const rooms = generateRooms(roomCount, seed);
  const meetings = generateMeetings(clock(), seed);
  const state: SimState = createState({
    rooms,
    meetings,
    users: new Set(SIM_USERS),
    admins: new Set(SIM_ADMINS),
    calls: new CallBook(clock, ringMs, new Rng(seed * 31 + 7)),
    clock,
  });
  const gateway = new Gateway({
    appId: SIM_APP_ID,
    secretId: SIM_SECRET_ID,
    secretKey: SIM_SECRET_KEY,
    sdkId,
    clock,
  });
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const recentRequests: number[] = [];
  let closed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const overRateLimit = (): boolean => {
    if (rateLimit === undefined) return false;
    const now = clock();
    while (recentRequests.length > 0 && (recentRequests[0] ?? 0) <= now - 60_000) {
      recentRequests.shift();
    }
    if (recentRequests.length >= rateLimit) return true;
    recentRequests.push(now);
    return false;
  };

  const route = (record: RecordedRequest, bodyText: string): SimReply => {
    const { path } = record;
    let pathMatched = false;
    for (const candidate of ROUTES) {
      const match = candidate.pattern.exec(path);
      if (match === null) continue;
      pathMatched = true;
      if (candidate.method !== record.method) continue;
      const request: RouteRequest = {
        method: record.method,
        path,
        query: record.query,
        bodyText,
        params: match.slice(1),
        noteMeetingId(raw, encoding) {
          record.meetingIdRaw = raw;
          if (encoding !== undefined) record.meetingIdEncoding = encoding;
        },
      };
      const answer = candidate.handler(request, state);
      return jsonReply(sparse ? omitEmpty(answer) : answer);
    }
    if (pathMatched) {
      return errorReply(
        new SimError(405, ErrorCode.invalidParameter, `${record.method} is not allowed on ${path}`),
      );
    }
    return errorReply(new SimError(404, ErrorCode.invalidParameter, `no such API: ${path}`));
  };

  /** Runs now, or after latencyMs (a network's round trip) when one is set. */
  const afterLatency = (action: () => void): void => {
    if (latencyMs === 0) {
      action();
      return;
    }
    void sleep(latencyMs).then(() => {
      if (!closed) action();
    });
  };

  const send = (res: ServerResponse, record: RecordedRequest, reply: SimReply): void => {
    record.status = reply.status;
    record.errorCode = reply.errorCode;
    afterLatency(() => {
      if (res.destroyed || closed) return;
      res.writeHead(reply.status, {
        'Content-Type': reply.contentType,
        'Content-Length': Buffer.byteLength(reply.body),
        // The simulator's own clock, not the host's: an origin server with a clock sends Date
        // (RFC 9110 §6.6.1), and the client reads it to say how far off its clock is (190300).
        Date: new Date(clock()).toUTCString(),
      });
      res.end(reply.body);
    });
  };

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    body: Buffer,
  ): Promise<void> => {
    const uri = req.url ?? '/';
    const started = Date.now();
    const done = (): void => {
      if (!log) return;
      const code = record.errorCode === null ? '' : ` ${record.errorCode}`;
      const status = record.status === 0 ? 'no answer' : String(record.status);
      console.error(
        `[sim] ${record.method} ${record.path} → ${status}${code} (${Date.now() - started} ms)`,
      );
    };

    let bodyText: string;
    try {
      bodyText = gateway.check({
        method: record.method,
        uri,
        rawHeaders: req.rawHeaders,
        body,
      }).bodyText;
      if (overRateLimit()) {
        throw new SimError(400, ErrorCode.rateLimitMinute, 'rate limit per minute exceeded');
      }
    } catch (error) {
      send(res, record, errorReply(asSimError(error)));
      done();
      return;
    }

    const before = faults.take(record.method, record.path, 'before');
    if (before !== undefined) {
      if (before.type === 'delay') {
        await sleep(before.ms ?? 1000);
        // A client that gave up meanwhile closed the connection: the request never got
        // through, so nothing is processed (a room-call does not ring).
        if (closed || res.socket === null || res.socket.destroyed) return;
      } else {
        applyFault(before, res, record);
        done();
        return;
      }
    }

    let reply: SimReply;
    try {
      reply = route(record, bodyText);
    } catch (error) {
      reply = errorReply(asSimError(error));
    }

    const after = faults.take(record.method, record.path, 'after');
    if (after?.type === 'delay') {
      // Processed, then answered late: a client that stopped waiting never sees it.
      await sleep(after.ms ?? 1000);
      if (closed) return;
      send(res, record, reply);
    } else if (after !== undefined) {
      applyFault(after, res, record, reply.body);
    } else {
      send(res, record, reply);
    }
    done();
  };

  const applyFault = (
    fault: Fault,
    res: ServerResponse,
    record: RecordedRequest,
    realBody?: string,
  ): void => {
    if (fault.type === 'reset') {
      afterLatency(() => res.socket?.destroy());
      return;
    }
    if (fault.type === 'hang') return; // never answered; close() ends the socket
    const reply = faultReply(fault, realBody);
    if (reply !== null) send(res, record, reply);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => {
      // The client went away; nothing to answer.
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const uri = req.url ?? '/';
      const queryStart = uri.indexOf('?');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: queryStart === -1 ? uri : uri.slice(0, queryStart),
        query: parseQuery(new URLSearchParams(queryStart === -1 ? '' : uri.slice(queryStart + 1))),
        rawHeaders: [...req.rawHeaders],
        body: body.toString('utf8'),
        status: 0,
        errorCode: null,
      };
      requests.push(record);
      options.onRequest?.(record);
      if (tooLarge) {
        send(
          res,
          record,
          errorReply(new SimError(413, ErrorCode.invalidParameter, 'request body too large')),
        );
        return;
      }
      handle(req, res, record, body).catch((error: unknown) => {
        send(res, record, errorReply(asSimError(error)));
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${urlHost}:${address.port}`;

  const findRoom = (predicate: (room: SimRoom) => boolean, what: string): SimRoom => {
    const room = rooms.find(predicate);
    if (room === undefined) throw new Error(`no room ${what} among the ${rooms.length} rooms`);
    return room;
  };

  return {
    baseUrl,
    credentials,
    operatorId: SIM_OPERATOR_ID,
    meetings,
    rooms,
    requests,
    faults: {
      inject: (fault) => {
        faults.inject(fault);
      },
      clear: () => {
        faults.clear();
      },
    },
    roomWithOutcome(outcome: RoomOutcome): SimRoom {
      switch (outcome) {
        case 'accepted':
          return findRoom((r) => r.behaviour === 'accept', 'that accepts');
        case 'rejected':
          return findRoom((r) => r.behaviour === 'reject', 'that rejects');
        case 'no-answer':
          return findRoom((r) => r.behaviour === 'no-answer', 'that never answers');
        case 'offline':
          return findRoom(
            (r) => r.meeting_room_status === 4 && r.is_allow_call,
            'that is offline but allows calls',
          );
        case 'not-callable':
          return findRoom(
            (r) => !r.is_allow_call && r.meeting_room_status === 2,
            'that is idle but does not allow calls',
          );
      }
    },
    mraWithOutcome(outcome: MraOutcome, protocol: 1 | 2 = 1) {
      const sip = {
        accepted: 'boardroom@10.1.2.3',
        rejected: 'busy-room@10.1.2.4',
        'no-answer': 'noanswer@10.1.2.5',
        unreachable: 'unreachable@10.1.2.6',
      } as const;
      // E.164 numbers cannot carry words: their last three digits say it (mraBehaviour).
      const h323 = {
        accepted: '10.1.2.3',
        rejected: '+8675512345486',
        'no-answer': '+8675512345408',
        unreachable: '+8675512345404',
      } as const;
      const dial = (protocol === 1 ? sip : h323)[outcome];
      const expected = {
        accepted: 'accept',
        rejected: 'reject',
        'no-answer': 'no-answer',
        unreachable: 'fail',
      }[outcome];
      if (mraBehaviour(dial) !== expected) throw new Error(`mra table out of date for ${outcome}`);
      return { protocol, dial_string: dial };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await stopped;
    },
  };
}

function asSimError(error: unknown): SimError {
  if (error instanceof SimError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SimError(500, ErrorCode.roomCallInfoFailed, `simulator bug: ${message}`);
}
