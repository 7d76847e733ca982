import { describe, expect, it } from 'vitest';
import { toIpcError } from '../../main/app/handlers/to-ipc-error';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import { apiRequestOf } from '../../main/shared/rules/api-request';

/** Issue 14 item 7: an IPC error says which Tencent Meeting request failed, so a window can
 * word a code for it (10002 on the room list is not "the call's status"). */
describe('apiRequestOf', () => {
  it.each([
    ['GET', '/v1/meeting-rooms', 'rooms'],
    ['GET', '/v1/meeting-rooms/1234567890123456789', 'room'],
    ['PUT', '/v1/meeting-rooms/room-call', 'call'],
    ['PUT', '/v1/meeting-rooms/cancel-room-call', 'cancel'],
    ['POST', '/v1/meeting-rooms/room-call-info', 'call-status'],
    ['GET', '/v1/meetings', 'meetings'],
    ['get', '/v1/meetings/7567173273889276131', 'meetings'],
    ['GET', '/v1/users/tester1', null],
    ['POST', '/v1/meeting-rooms', null],
  ] as const)('%s %s is %j', (method, path, request) => {
    expect(apiRequestOf(method, path)).toBe(request);
  });
});

describe('toIpcError names the request', () => {
  const refusal = (method: string, path: string) =>
    new WemeetApiError(
      { method, path },
      {
        status: 500,
        errorCode: 10002,
        newErrorCode: null,
        serverMessage: 'query room call status failed',
        retryAfter: null,
        requestTimeMs: null,
        serverTimeMs: null,
      },
    );

  it('carries the room list as the request of a 10002', () => {
    const error = toIpcError(refusal('GET', '/v1/meeting-rooms'));
    expect(error).toMatchObject({ kind: 'api', code: 10002, request: 'rooms' });
    expect(error.message).toContain('query room call status failed');
  });

  it('carries room-call as the request of the same code on a call', () => {
    expect(toIpcError(refusal('PUT', '/v1/meeting-rooms/room-call')).request).toBe('call');
  });

  it('leaves it out for an error that is no request’s', () => {
    expect(toIpcError(new TypeError('boom'))).not.toHaveProperty('request');
  });
});

describe('the core’s sentence (the CLI’s words) fits the request too', () => {
  const refusal = (method: string, path: string) =>
    new WemeetApiError(
      { method, path },
      { status: 500, errorCode: 10002, newErrorCode: null, serverMessage: null },
    );

  it('does not call a failed room list a call status query', () => {
    const error = refusal('GET', '/v1/meeting-rooms');
    expect(error.message).toBe(
      'Tencent Meeting refused GET /v1/meeting-rooms: the server had a problem (HTTP 500, error 10002)',
    );
    expect(error.hint).toBe('Tencent Meeting had a server problem: try again in a moment.');
  });

  it('keeps the documented words on room-call', () => {
    expect(refusal('PUT', '/v1/meeting-rooms/room-call').message).toContain(
      'Tencent could not query the room call status',
    );
  });
});
