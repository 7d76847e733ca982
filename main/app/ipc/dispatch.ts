import {
  invokeContract,
  type InvokeVerb,
  type IpcError,
  type IpcResult,
} from '../../shared/ipc/contract';
import type { HandlerTable } from '../handlers/handler-table';
import { toIpcError } from '../handlers/to-ipc-error';
import { plainDataProblem } from './plain-data';
import { containsSecret } from './secret-guard';

export interface DispatchOptions {
  /** SecretIds and SecretKeys the process knows; a result containing one is not sent. */
  readonly secrets?: (() => readonly string[]) | undefined;
  /** For the main process log: handler failures and bugs caught here (never sent as is). */
  readonly onError?: ((verb: string, error: unknown) => void) | undefined;
}

export function isInvokeVerb(verb: unknown): verb is InvokeVerb {
  // hasOwn, not `in`: "__proto__", "constructor" and "toString" are no verbs.
  return typeof verb === 'string' && Object.hasOwn(invokeContract, verb);
}

export function ipcFailure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

export const FORBIDDEN: IpcError = {
  kind: 'forbidden',
  message: 'This page is not allowed to use RoomCall.',
  code: null,
  hint: null,
};

const INVALID_RESULT: IpcError = {
  kind: 'internal',
  message: 'RoomCall produced an answer it cannot send to the window.',
  code: null,
  hint: 'Try again; if it persists, report it with the RoomCall version.',
};

/**
 * The largest answer sent to a window, in characters of its JSON text. The largest a handler
 * legitimately gives is the room directory: up to 50,000 rooms (directory-cache.ts) of a few
 * hundred characters each, under 20 M. An answer past the cap (a hostile import's report once
 * made a 111 MB one that blocked main for 5 s) is not sent: the window gets TOO_LARGE instead.
 */
export const MAX_ANSWER_CHARS = 20 * 1024 * 1024;

const TOO_LARGE: IpcError = {
  kind: 'internal',
  message: `RoomCall's answer was too large to send to the window (over ${MAX_ANSWER_CHARS / 1024 / 1024} M characters).`,
  code: null,
  hint: 'Try again with less data (a smaller file, a narrower search).',
};

/**
 * The length of `value`'s JSON text, counted without building it; stops once past `limit`.
 * Only for plain data (plainDataProblem has checked it: no cycles, bounded depth).
 */
export function jsonSize(value: unknown, limit: number): number {
  let total = 0;
  const visit = (item: unknown): void => {
    if (total > limit) return;
    if (typeof item === 'string') total += item.length + 2;
    else if (typeof item === 'number' || typeof item === 'boolean') total += String(item).length;
    else if (item === null || item === undefined) total += 4;
    else if (Array.isArray(item)) {
      total += 2 + item.length;
      for (const entry of item as unknown[]) visit(entry);
    } else if (typeof item === 'object') {
      total += 2;
      for (const [key, entry] of Object.entries(item)) {
        total += key.length + 4;
        visit(entry);
      }
    }
  };
  visit(value);
  return total;
}

function validation(message: string): IpcError {
  return { kind: 'validation', message, code: null, hint: null };
}

/**
 * One invoke call, from an untrusted payload to a serialisable Result; the same for Electron's
 * IPC and the web preview's HTTP bridge, so both enforce the contract identically:
 * the verb must be a contract verb, the payload must parse with the verb's request schema
 * (unknown fields refused), the handler's data must parse with the response schema (which
 * also drops fields the contract does not name) and be plain data with no secret in it.
 * Never throws and never rejects.
 */
export async function dispatchInvoke(
  table: HandlerTable,
  verb: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  try {
    if (!isInvokeVerb(verb)) return ipcFailure(validation('There is no such RoomCall call.'));
    const contract = invokeContract[verb];
    const request = safeParse(contract.request, payload);
    if (!request.ok) return ipcFailure(request.error);

    let data: unknown;
    try {
      const handler = table[verb] as (request: unknown) => Promise<unknown>;
      data = await handler(request.value);
    } catch (error) {
      options.onError?.(verb, error);
      return guard(ipcFailure(toIpcError(error)), options);
    }

    const response = contract.response.safeParse(data);
    if (!response.success) {
      options.onError?.(verb, response.error);
      return ipcFailure(INVALID_RESULT);
    }
    return guard({ ok: true, data: response.data }, options);
  } catch (error) {
    // Only a bug gets here (the steps above catch what they expect): report, never throw.
    options.onError?.(typeof verb === 'string' ? verb : '?', error);
    return ipcFailure(INVALID_RESULT);
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: IpcError };

function safeParse(
  schema: (typeof invokeContract)[InvokeVerb]['request'],
  payload: unknown,
): Parsed {
  try {
    const parsed = schema.safeParse(payload);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: toIpcError(parsed.error) };
  } catch {
    // A payload that throws while being read (a hostile getter or proxy in tests; Electron's
    // structured clone cannot carry one) is simply not a valid request.
    return { ok: false, error: validation('The request could not be read.') };
  }
}

function guard(result: IpcResult<unknown>, options: DispatchOptions): IpcResult<unknown> {
  const problem = plainDataProblem(result);
  if (problem !== null) {
    options.onError?.('result', new Error(`not plain data: ${problem}`));
    return ipcFailure(INVALID_RESULT);
  }
  if (jsonSize(result, MAX_ANSWER_CHARS) > MAX_ANSWER_CHARS) {
    options.onError?.('result', new Error(`an answer over ${MAX_ANSWER_CHARS} characters`));
    return ipcFailure(TOO_LARGE);
  }
  if (containsSecret(result, options.secrets?.() ?? [])) {
    options.onError?.('result', new Error('a secret was about to be sent; the result was dropped'));
    return ipcFailure(INVALID_RESULT);
  }
  return result;
}
