/**
 * Injected faults. Each applies to the next `times` requests matching its method and path, in
 * the order injected, after the gateway accepted the request (so a fault never hides a gateway
 * error, and the request's nonce counts as used).
 */
import { STATUS_CODES } from 'node:http';
import { ErrorCode, SimError } from './errors';
import { errorReply, JSON_TYPE, type SimReply } from './reply';
import type { Fault } from './types';

export interface ActiveFault {
  readonly fault: Fault;
  remaining: number;
}

const TYPES = new Set<Fault['type']>([
  'http-500',
  'reset',
  'hang',
  'delay',
  'malformed-json',
  'rate-limit',
  'error',
]);

export class FaultBook {
  private active: ActiveFault[] = [];

  inject(fault: Fault): void {
    if (!TYPES.has(fault.type)) throw new Error(`unknown fault type: ${fault.type}`);
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error('fault.times must be positive (Infinity allowed)');
    this.active.push({ fault: { ...fault }, remaining: times });
  }

  clear(): void {
    this.active = [];
  }

  /** The first fault matching the request at that stage, consumed once. */
  take(method: string, path: string, stage: 'before' | 'after'): Fault | undefined {
    const index = this.active.findIndex(
      ({ fault }) => stageOf(fault) === stage && matches(fault, method, path),
    );
    const entry = this.active[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.active.splice(index, 1);
    return entry.fault;
  }
}

/**
 * 'after' is the lost reply: the request was processed (a room-call really rings) and then its
 * answer is lost (reset, hang, 500, unreadable) or comes later than the client waits (delay).
 */
function stageOf(fault: Fault): 'before' | 'after' {
  return fault.when ?? 'before';
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (fault.path === undefined) return true;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

/** What http-500 and rate-limit answer where the fault gives no status, code or message. */
const ERROR_DEFAULTS = {
  'http-500': {
    status: 500,
    code: ErrorCode.roomCallInfoFailed,
    message: 'internal server error, please try again later',
  },
  'rate-limit': {
    status: 400,
    code: ErrorCode.rateLimitMinute,
    message: 'too many requests: rate limit per minute exceeded',
  },
} as const;

/** What a fault answers, for the faults that answer at all. */
export function faultReply(fault: Fault, realBody?: string): SimReply | null {
  switch (fault.type) {
    case 'http-500':
    case 'rate-limit': {
      const defaults = ERROR_DEFAULTS[fault.type];
      return errorReply(
        new SimError(
          fault.status ?? defaults.status,
          fault.code ?? defaults.code,
          fault.message ?? defaults.message,
        ),
      );
    }
    case 'error': {
      const status = fault.status ?? 500;
      if (fault.code === undefined) {
        return {
          status,
          body: fault.message ?? STATUS_CODES[status] ?? 'error',
          contentType: 'text/plain; charset=utf-8',
          errorCode: null,
        };
      }
      return errorReply(new SimError(status, fault.code, fault.message ?? 'simulated error'));
    }
    case 'malformed-json': {
      const body =
        fault.message ??
        (realBody !== undefined && realBody.length > 2
          ? realBody.slice(0, Math.ceil(realBody.length / 2))
          : '{"error_info": {"error_code": ');
      return { status: 200, body, contentType: JSON_TYPE, errorCode: null };
    }
    case 'reset':
    case 'hang':
    case 'delay':
      return null;
  }
}
