/**
 * What the simulator sends back, in one shape for the routes and the injected faults, so a
 * fault's error reads exactly like the server's own (same body, same content type).
 */
import { errorBody, type SimError } from './errors';

export interface SimReply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  /** The error code recorded with the request; null for none. */
  readonly errorCode: number | null;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(value: unknown): SimReply {
  return { status: 200, body: JSON.stringify(value), contentType: JSON_TYPE, errorCode: null };
}

/** An error as Tencent Meeting sends one: its error_info body, the code recorded with it. */
export function errorReply(error: SimError): SimReply {
  return {
    status: error.status,
    body: errorBody(error.code, error.message),
    contentType: JSON_TYPE,
    errorCode: error.code,
  };
}
