/**
 * One classification of every error (main/core/problem.ts), and the two front-ends' tables
 * over it: the app's IPC error kinds and the CLI's exit codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_PROBLEM_RULES, IPC_KINDS, toIpcError } from '../../main/app/handlers/to-ipc-error';
import {
  CallNotFoundError,
  InputError,
  NoMeetingError,
  SettingsLockedError,
} from '../../main/app/services/errors';
import { InterruptedError, UsageError } from '../../main/cli/exit-codes';
import { RELAY_PROBLEM_RULES } from '../../main/relay/problem-rules';
import { CLI_PROBLEM_RULES, describeFailure, EXIT_CODES } from '../../main/cli/failures';
import { NotConfiguredError } from '../../main/core/account';
import { InviteError } from '../../main/core/invite/errors';
import { JoinLinkNotFoundError } from '../../main/core/meetings/join-link';
import { classify } from '../../main/core/problem/classify';
import { CORE_PROBLEM_RULES } from '../../main/core/problem/core-rules';
import type { ProblemCategory, ProblemRule } from '../../main/core/problem/problem';
import {
  InvalidCredentialsError,
  InvalidProfileNameError,
  MalformedCredentialsError,
} from '../../main/core/secrets/credential-store';
import { EnvironmentError } from '../../main/core/secrets/env-credentials';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { FileTooLargeError, NotAFileError } from '../../main/core/store/atomic-file';
import { FavoriteError } from '../../main/core/store/favorites-check';
import {
  DocumentBusyError,
  DocumentTooLargeError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from '../../main/core/store/document-errors';
import { FileBusyError } from '../../main/core/store/process-lock';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../../main/core/wemeet/errors';
import { TENCENT_CODES, TENCENT_ERROR_CODES } from '../../main/shared/tencent-error-codes';

const root = join(__dirname, '..', '..');
const label = { method: 'PUT', path: '/v1/meeting-rooms/room-call' };

function apiError(errorCode: number | null, status = 400) {
  return new WemeetApiError(label, { status, errorCode, newErrorCode: null, serverMessage: null });
}

/** Every concrete error class declared under main/, by the folder it lives in. */
function declaredErrorClasses(): { name: string; layer: string }[] {
  const found: { name: string; layer: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/^export (abstract )?class (\w+) extends (\w+)/gm)) {
          const [, abstract, name = '', base = ''] = match;
          if (abstract === undefined && (/Error$/.test(base) || /Error$/.test(name))) {
            found.push({ name, layer: relative(join(root, 'main'), path).split(/[\\/]/)[0] ?? '' });
          }
        }
      }
    }
  };
  walk(join(root, 'main'));
  return found;
}

const names = (rules: readonly ProblemRule[]) => new Set(rules.map((r) => r.name));

describe('every error has a category', () => {
  it('has a rule for every error class main declares, in the layer that declares it', () => {
    const classes = declaredErrorClasses();
    // The scan itself must work: the core alone declares more than twenty.
    expect(classes.length).toBeGreaterThan(20);
    const byLayer: Record<string, Set<string>> = {
      core: names(CORE_PROBLEM_RULES),
      app: names(APP_PROBLEM_RULES),
      cli: names(CLI_PROBLEM_RULES),
      relay: names(RELAY_PROBLEM_RULES),
    };
    const missing = classes.filter(({ name, layer }) => !byLayer[layer]?.has(name));
    expect(missing).toEqual([]);
  });

  const busy = new FileBusyError('/d/favorites.json', null, 5_000);
  const all = [...APP_PROBLEM_RULES, ...CLI_PROBLEM_RULES];
  it.each([
    [apiError(190300), 'clock'],
    [apiError(200003), 'auth'],
    [apiError(null, 401), 'auth'],
    [apiError(9042, 403), 'permission'],
    [apiError(190313), 'rate-limit'],
    [apiError(10004, 500), 'refused'],
    [apiError(null, 502), 'server'],
    [apiError(null, 400), 'refused'],
    [new WemeetNetworkError(label, 'ECONNRESET'), 'network'],
    [new WemeetTimeoutError(label, 1000), 'timeout'],
    [new WemeetResponseError(label, 'unexpected-shape', 'x'), 'bad-response'],
    [new InviteError('meeting-not-found', 'None.', 'Check.'), 'meeting'],
    [
      new JoinLinkNotFoundError({ kind: 'link', host: 'meeting.tencent.com', token: 'AbC123' }),
      'bad-input',
    ],
    [new InviteError('meeting-over', 'Over.', 'Check.'), 'meeting'],
    [new InviteError('meeting-ambiguous', 'Two.', 'Use the ID.'), 'meeting-ambiguous'],
    [new InviteError('call-failed', 'Failed.', 'Again.', { cause: apiError(9042) }), 'permission'],
    [new InviteError('call-failed', 'Failed.', 'Again.'), 'refused'],
    [new InviteError('unexpected', 'Stopped.', 'Report.', { cause: busy }), 'busy'],
    [new NotConfiguredError('credentials', 'default'), 'not-configured'],
    [new EnvironmentError('WEMEET_APP_ID is not set', ['WEMEET_APP_ID']), 'not-configured'],
    [new MalformedCredentialsError('default', 'not JSON'), 'credentials-damaged'],
    [new KeychainUnavailableError('no-service', 'linux', null), 'keychain'],
    [new InvalidCredentialsError(['SecretKey']), 'bad-input'],
    [new InvalidProfileNameError('../x'), 'bad-input'],
    [new FavoriteError('full', 'Full.'), 'bad-input'],
    [new FavoriteError('not-found', 'None.'), 'not-found'],
    [new DocumentBusyError('favourites', busy), 'busy'],
    [busy, 'busy'],
    [new ReadOnlyDocumentError('settings', '/x', 'newer'), 'storage'],
    [new InvalidChangeError('settings', ['bad']), 'storage'],
    [new DocumentTooLargeError('settings', 10), 'storage'],
    [new FileTooLargeError('/x', 10), 'storage'],
    [new NotAFileError('/x'), 'storage'],
    [Object.assign(new Error('EROFS'), { code: 'EROFS' }), 'storage'],
    [new z.ZodError([]), 'bad-input'],
    [new InputError('Not a code.'), 'bad-input'],
    [new SettingsLockedError('Locked.', ['baseUrl']), 'locked'],
    [new CallNotFoundError('c1'), 'not-found'],
    [new NoMeetingError('No meeting.', 'Type a code.'), 'no-meeting'],
    [new UsageError('bad flag'), 'bad-input'],
    [new InterruptedError(), 'cancelled'],
    [new TypeError('boom'), 'internal'],
    ['not an Error', 'internal'],
  ] as const)('%s is %s', (error, category) => {
    expect(classify(error, all).category).toBe(category);
  });

  it('keeps the parameters a front-end words things with', () => {
    const refused = classify(apiError(9042, 403));
    expect(refused).toMatchObject({
      code: 9042,
      details: { status: 403, method: 'PUT', path: label.path },
    });
    expect(classify(new NotConfiguredError('operator', 'work')).details).toEqual({
      missing: 'operator',
      profile: 'work',
    });
    const placed = new InviteError('status-failed', 'Lost.', 'Look.', {
      cause: new WemeetTimeoutError(label, 1),
      inviteId: 'inv-1',
    });
    expect(classify(placed)).toMatchObject({
      category: 'timeout',
      message: 'Lost.',
      details: { inviteId: 'inv-1', path: label.path },
    });
    expect(classify(new TypeError('boom')).details.errorName).toBe('TypeError');
  });
});

describe('the front-ends’ tables', () => {
  const expected: Readonly<Record<ProblemCategory, readonly [string, number]>> = {
    'bad-input': ['validation', 2],
    'not-found': ['validation', 2],
    locked: ['validation', 2],
    'not-configured': ['not-configured', 2],
    'credentials-damaged': ['not-configured', 1],
    keychain: ['keychain', 1],
    'no-meeting': ['no-meeting', 2],
    meeting: ['meeting', 1],
    'meeting-ambiguous': ['meeting', 2],
    auth: ['api', 1],
    clock: ['api', 1],
    permission: ['api', 1],
    'rate-limit': ['api', 1],
    refused: ['api', 1],
    server: ['api', 1],
    network: ['network', 1],
    timeout: ['timeout', 1],
    'bad-response': ['response', 1],
    busy: ['busy', 1],
    storage: ['storage', 1],
    cancelled: ['internal', 130],
    internal: ['internal', 1],
  };
  it.each(Object.entries(expected))('%s: IPC kind and exit code', (category, [kind, exit]) => {
    expect(IPC_KINDS[category as ProblemCategory].kind).toBe(kind);
    expect(EXIT_CODES[category as ProblemCategory].exitCode).toBe(exit);
  });

  it('words "not configured" for each front-end: Settings in the app, auth login in the CLI', () => {
    const none = new NotConfiguredError('credentials', 'work');
    expect(toIpcError(none)).toEqual({
      kind: 'not-configured',
      message: "No Tencent Meeting credentials are set up for profile 'work'.",
      code: null,
      hint: 'Open Settings and enter the credentials of your Tencent Meeting app.',
    });
    expect(describeFailure(none)).toMatchObject({
      exitCode: 2,
      message: "No Tencent Meeting credentials are set up for profile 'work'.",
    });
    expect(describeFailure(none).hint).toContain('roomcall auth login');
    expect(toIpcError(new NotConfiguredError('operator', 'default')).hint).toBe(
      'Open Settings and enter the operator userid.',
    );
  });

  it('never sends an unknown error’s message to a window; the CLI prints it', () => {
    const secretish = new TypeError('token=abc123');
    expect(toIpcError(secretish).message).toBe(
      'RoomCall ran into an unexpected problem (TypeError).',
    );
    expect(describeFailure(secretish).message).toBe('TypeError: token=abc123');
  });
});

describe('the Tencent error code list', () => {
  // Tencent Meeting REST API error codes, as documented (reference §5).
  const documented = [
    200003, 190300, 190301, 190303, 190004, 190001, 20001, 9003, 9042, 190315, 10004, 10002, 20000,
    190310, 190311, 190313, 9061,
  ];
  it('holds every documented code', () => {
    expect([...TENCENT_CODES].sort()).toEqual([...documented].sort());
  });

  it.each(TENCENT_CODES)('%i: the CLI and the app say its meaning and advice', (code) => {
    const info = TENCENT_ERROR_CODES[code];
    const error = apiError(code);
    expect(error.message).toContain(info.meaning);
    expect(error.hint).toBe(info.advice);
    expect(classify(error).category).toBe(info.category);
    expect(describeFailure(error)).toMatchObject({ code, hint: info.advice });
    expect(toIpcError(error)).toMatchObject({ kind: 'api', code, hint: info.advice });
  });
});
