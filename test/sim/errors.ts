/** Error codes and the gateway's error body, as documented (see the API reference, §5). */

export const ErrorCode = {
  signatureFailed: 200003,
  timestampSkew: 190300,
  replay: 190301,
  unknownApp: 190303,
  invalidParameter: 190004,
  userNotCreated: 190001,
  userNotFound: 20001,
  meetingNotFound: 9003,
  permissionDenied: 9042,
  notCreator: 190315,
  roomCallFailed: 10004,
  roomCallInfoFailed: 10002,
  parameterTypes: 20000,
  rateLimitMinute: 190310,
} as const;

/** A request the simulator answers with an error_info body. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export const badRequest = (code: number, message: string): SimError =>
  new SimError(400, code, message);

export const invalidParam = (message: string): SimError =>
  new SimError(400, ErrorCode.invalidParameter, message);

export const typeError = (message: string): SimError =>
  new SimError(500, ErrorCode.parameterTypes, message);

export const callFailed = (message: string): SimError =>
  new SimError(500, ErrorCode.roomCallFailed, message);

/** {"error_info":{"error_code":N,"new_error_code":200000000+N,"message":"…"}} */
export function errorBody(code: number, message: string): string {
  const newCode = code >= 100_000_000 ? code : 200_000_000 + code;
  return JSON.stringify({
    error_info: { error_code: code, new_error_code: newCode, message },
  });
}
