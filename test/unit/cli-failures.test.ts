/** Every error a command may end with, and the exit code and words it gets. */
import { describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../../main/cli/exit-codes';
import { describeFailure } from '../../main/cli/failures';
import { NotConfiguredError } from '../../main/core/account';
import { InviteError } from '../../main/core/invite/errors';
import {
  InvalidProfileNameError,
  MalformedCredentialsError,
} from '../../main/core/secrets/credential-store';
import { EnvironmentError } from '../../main/core/secrets/env-credentials';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { FavoriteError } from '../../main/core/store/favorites-check';
import { DocumentBusyError, ReadOnlyDocumentError } from '../../main/core/store/document-errors';
import { FileBusyError } from '../../main/core/store/process-lock';
import { WemeetApiError, WemeetNetworkError } from '../../main/core/wemeet/errors';
import { RelayConfigError } from '../../main/relay/config';
import { withRelayProblem } from '../../main/relay/problem-rules';
import { RelayStorageError } from '../../main/relay/storage/storage-error';

const label = { method: 'PUT', path: '/v1/meeting-rooms/room-call' };
const apiError = new WemeetApiError(label, {
  status: 403,
  errorCode: 9042,
  newErrorCode: 200009042,
  serverMessage: null,
});

describe('describeFailure', () => {
  it("relay errors: classified by the relay's rules where the relay commands throw them", () => {
    const storage = new RelayStorageError('The relay cannot open x.', 'Check x.');
    // Unclassified (the CLI does not load the relay's rules for every command): internal.
    expect(describeFailure(storage).hint).toContain('report it');
    expect(describeFailure(withRelayProblem(storage))).toMatchObject({
      exitCode: 1,
      message: 'The relay cannot open x.',
      hint: 'Check x.',
    });
    const config = new RelayConfigError('ROOMCALL_RELAY_TOKENS is on or off.', [
      'ROOMCALL_RELAY_TOKENS',
    ]);
    expect(describeFailure(withRelayProblem(config)).exitCode).toBe(2);
    // Anything else passes through as it was, for the CLI's own rules.
    const usage = new UsageError('--limit is a number.');
    expect(withRelayProblem(usage)).toBe(usage);
  });

  it('API errors: exit 1 with words, the code and the hint', () => {
    const failure = describeFailure(apiError);
    expect(failure).toMatchObject({ exitCode: 1, code: 9042 });
    expect(failure.message).toContain('error 9042');
    expect(failure.hint).toContain('co-host');
    expect(describeFailure(new WemeetNetworkError(label, 'ECONNRESET')).exitCode).toBe(1);
  });

  it("invite errors: 1, with the code of their cause; an ambiguous code is the user's question: 2", () => {
    const failed = new InviteError('call-failed', 'The call failed', 'Try again.', {
      cause: apiError,
    });
    expect(describeFailure(failed)).toEqual({
      exitCode: 1,
      message: 'The call failed',
      hint: 'Try again.',
      code: 9042,
    });
    expect(
      describeFailure(new InviteError('meeting-ambiguous', 'Two', 'Use the ID.')).exitCode,
    ).toBe(2);
    expect(describeFailure(new InviteError('meeting-not-found', 'None', 'Check.')).exitCode).toBe(
      1,
    );
  });

  it('what the user typed or set up: 2', () => {
    for (const error of [
      new UsageError('bad'),
      new NotConfiguredError('credentials', 'default'),
      new EnvironmentError('WEMEET_SECRET_KEY is not set', ['WEMEET_SECRET_KEY']),
      new InvalidProfileNameError('../x'),
      new FavoriteError('not-found', 'none'),
    ]) {
      expect(describeFailure(error).exitCode, error.name).toBe(2);
    }
    expect(describeFailure(new NotConfiguredError('credentials', 'default')).hint).toMatch(
      /^Run `roomcall auth login`, or set WEMEET_APP_ID/,
    );
    expect(describeFailure(new NotConfiguredError('operator', 'work')).hint).toBe(
      'Run `roomcall auth login`, or set WEMEET_OPERATOR_ID.',
    );
  });

  it('the keychain, a damaged entry, a file RoomCall may not overwrite: 1', () => {
    expect(
      describeFailure(new KeychainUnavailableError('locked-or-denied', 'darwin', null)),
    ).toMatchObject({
      exitCode: 1,
      hint: null,
    });
    expect(describeFailure(new MalformedCredentialsError('default', 'not JSON')).exitCode).toBe(1);
    expect(describeFailure(new ReadOnlyDocumentError('favourites', '/x', 'newer')).exitCode).toBe(
      1,
    );
  });

  it('a data file another RoomCall kept busy: 1, saying who and to try again', () => {
    const failure = describeFailure(
      new DocumentBusyError('favourites', new FileBusyError('/d/favorites.json', null, 5_000)),
    );
    expect(failure.exitCode).toBe(1);
    expect(failure.message).toContain('/d/favorites.json is busy');
    expect(failure.hint).toContain('try again in a moment');
    expect(failure.hint).toContain('remove /d/favorites.json.lock');
    // Said once: the message states the facts, the hint what to do.
    expect(`${failure.message}\n${failure.hint ?? ''}`.match(/try again/gi)).toHaveLength(1);
  });

  it('Ctrl-C: 130; anything else: 1 with a generic hint', () => {
    expect(describeFailure(new InterruptedError()).exitCode).toBe(130);
    const other = describeFailure(new TypeError('boom'));
    expect(other).toMatchObject({ exitCode: 1, message: 'TypeError: boom' });
    expect(other.hint).toContain('report it');
  });
});
