import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  callFailed,
  meetingNotFound,
  statusFailed,
  unexpected,
} from '../../main/core/invite/errors';
import {
  InvalidCredentialsError,
  MalformedCredentialsError,
} from '../../main/core/secrets/credential-store';
import { EnvironmentError } from '../../main/core/secrets/env-credentials';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { FavoriteError } from '../../main/core/store/favorites-check';
import {
  DocumentBusyError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from '../../main/core/store/document-errors';
import { FileBusyError } from '../../main/core/store/process-lock';
import type { Meeting } from '../../main/core/wemeet/api';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../../main/core/wemeet/errors';
import { eventChannel } from '../../main/shared/ipc/channels';
import { ipcErrorSchema } from '../../main/shared/ipc/contract';
import { toIpcError } from '../../main/app/handlers/to-ipc-error';
import { createEventHub, windowSink } from '../../main/app/ipc/event-hub';
import {
  CallNotFoundError,
  InputError,
  NoMeetingError,
  SettingsLockedError,
} from '../../main/app/services/errors';
import { NotConfiguredError } from '../../main/core/account';

const label = { method: 'PUT', path: '/v1/meeting-rooms/room-call' };
const meeting: Meeting = {
  meeting_id: '7567173273889276131',
  meeting_code: '806146667',
  subject: 'Weekly',
  start_time: '1',
  end_time: '2',
  status: 'MEETING_STATE_STARTED',
  join_url: null,
  join_meeting_role: null,
};
const api10004 = new WemeetApiError(label, {
  status: 500,
  errorCode: 10004,
  newErrorCode: null,
  serverMessage: null,
});

describe('toIpcError', () => {
  it('gives a window whole sentences: an English clause gets a capital and a full stop', () => {
    expect(toIpcError(new FavoriteError('invalid', 'a label must be text')).message).toBe(
      'A label must be text.',
    );
    const sentence = "'x' is not a SIP address: nothing follows '@'.";
    expect(toIpcError(new FavoriteError('invalid', sentence)).message).toBe(sentence);
    expect(toIpcError(new FavoriteError('invalid', '名称必须是文本。')).message).toBe(
      '名称必须是文本。',
    );
  });

  it.each([
    ['a zod error', new z.ZodError([]), 'validation', null],
    ['an API error', api10004, 'api', 10004],
    ['a network error', new WemeetNetworkError(label, 'ECONNRESET'), 'network', null],
    ['a timeout', new WemeetTimeoutError(label, 10_000), 'timeout', null],
    ['an odd answer', new WemeetResponseError(label, 'malformed-json', null), 'response', null],
    ['a meeting not found', meetingNotFound({ kind: 'code', code: '999999999' }), 'meeting', null],
    ['a refused call', callFailed(meeting, api10004, null), 'api', 10004],
    ['a call reported failed', callFailed(meeting, undefined, 'inv-1'), 'api', null],
    [
      'a lost status',
      statusFailed(meeting, 'inv-1', new WemeetTimeoutError(label, 1), 5),
      'timeout',
      null,
    ],
    ['an unexpected invite error', unexpected(new TypeError('x'), null, null), 'internal', null],
    [
      'a locked keychain',
      new KeychainUnavailableError('locked-or-denied', 'linux', null),
      'keychain',
      null,
    ],
    ['no credentials', new NotConfiguredError('credentials', 'default'), 'not-configured', null],
    [
      'damaged credentials',
      new MalformedCredentialsError('default', 'not JSON'),
      'not-configured',
      null,
    ],
    [
      'a bad environment',
      new EnvironmentError('WEMEET_APP_ID is not set', []),
      'not-configured',
      null,
    ],
    ['no meeting', new NoMeetingError('No meeting.', 'Type a code.'), 'no-meeting', null],
    ['bad input', new InputError('Not a code.'), 'validation', null],
    ['a favourite problem', new FavoriteError('full', 'Full.'), 'validation', null],
    ['a locked setting', new SettingsLockedError('Locked.', ['baseUrl']), 'validation', null],
    ['an unknown call', new CallNotFoundError('c1'), 'validation', null],
    ['unusable credentials', new InvalidCredentialsError(['SecretKey']), 'validation', null],
    ['a read-only file', new ReadOnlyDocumentError('settings', '/x', 'newer'), 'storage', null],
    [
      'a file another process is saving',
      new DocumentBusyError('favourites', new FileBusyError('/x/favorites.json', null, 5_000)),
      'busy',
      null,
    ],
    ['an invalid change', new InvalidChangeError('settings', ['bad']), 'storage', null],
    [
      'a full disk',
      Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC' }),
      'storage',
      null,
    ],
    ['anything else', new RangeError('with a message'), 'internal', null],
    ['not even an Error', 'a string', 'internal', null],
  ] as const)('maps %s', (_what, error, kind, code) => {
    const mapped = toIpcError(error);
    expect(ipcErrorSchema.parse(mapped)).toEqual(mapped);
    expect(mapped.kind).toBe(kind);
    expect(mapped.code).toBe(code);
    expect(mapped.message.length).toBeGreaterThan(0);
  });

  it("keeps an unknown error's message to itself", () => {
    expect(toIpcError(new Error('key=Gu5t9xGARNpq86cd98')).message).not.toContain('Gu5t9x');
  });

  it('names where a request was wrong, without quoting values', () => {
    const parsed = z
      .object({ text: z.string().max(3) })
      .strict()
      .safeParse({ text: 'x'.repeat(500), extra: 'VALUE' });
    if (parsed.success) throw new Error('should fail');
    const mapped = toIpcError(parsed.error);
    expect(mapped.message).toContain('text');
    expect(mapped.message).not.toContain('xxxx');
    expect(mapped.message).not.toContain('VALUE');
  });
});

describe('the event hub', () => {
  const meetingView = {
    state: 'none' as const,
    selected: null,
    candidates: [],
    error: null,
    checkedAt: null,
  };

  it('sends checked events to every sink, once each', () => {
    const hub = createEventHub({ validate: true });
    const a = vi.fn();
    const b = vi.fn();
    hub.subscribe(a);
    const unsubscribe = hub.subscribe(b);
    hub.emit('meetingChanged', meetingView);
    unsubscribe();
    hub.emit('popoverShown', null);
    expect(a.mock.calls).toEqual([
      ['meetingChanged', meetingView],
      ['popoverShown', null],
    ]);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('drops what the contract refuses, what is not plain data, and secrets', () => {
    const dropped = vi.fn();
    const sink = vi.fn();
    const hub = createEventHub({
      validate: true,
      secrets: () => ['SECRET-VALUE-1'],
      onDropped: dropped,
    });
    hub.subscribe(sink);
    hub.emit('meetingChanged', { ...meetingView, state: 'bogus' } as never);
    hub.emit('meetingChanged', { ...meetingView, checkedAt: 'SECRET-VALUE-1' });
    const loose = createEventHub({ validate: false, onDropped: dropped });
    loose.subscribe(sink);
    loose.emit('popoverShown', new Map() as never);
    expect(sink).not.toHaveBeenCalled();
    expect(dropped).toHaveBeenCalledTimes(3);
  });

  it('keeps a failing sink from reaching the service that emitted', () => {
    const dropped = vi.fn();
    const hub = createEventHub({ validate: false, onDropped: dropped });
    const after = vi.fn();
    hub.subscribe(() => {
      throw new Error('window gone');
    });
    hub.subscribe(after);
    expect(() => {
      hub.emit('popoverShown', null);
    }).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(dropped).toHaveBeenCalledOnce();
  });

  it('sends to every live app window on the event channel', () => {
    const live = {
      id: 1,
      mainFrame: { url: '', parent: null, frameTreeNodeId: 1 },
      isDestroyed: () => false,
      send: vi.fn(),
    };
    const gone = { ...live, id: 2, isDestroyed: () => true, send: vi.fn() };
    windowSink(() => [live, gone])('popoverShown', null);
    expect(live.send).toHaveBeenCalledWith(eventChannel('popoverShown'), null);
    expect(gone.send).not.toHaveBeenCalled();
  });
});
