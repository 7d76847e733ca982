import { classify } from '../../core/problem/classify';
import { problem, rule, type Problem, type ProblemCategory } from '../../core/problem/problem';
import type { IpcError, IpcErrorKind } from '../../shared/ipc/contract';
import { apiRequestOf } from '../../shared/rules/api-request';
import {
  CallNotFoundError,
  InputError,
  NoMeetingError,
  SaveFileError,
  SettingsLockedError,
} from '../services/errors';
import { RELAY_SIGN_IN_HINT, relayProblemOf } from './relay-ipc-error';

/** The app services' own errors, added to the core's classification (main/core/problem.ts). */
export const APP_PROBLEM_RULES = [
  rule(InputError, (e) => problem('bad-input', e.message)),
  rule(SettingsLockedError, (e) => problem('locked', e.message, null, { keys: e.keys })),
  rule(CallNotFoundError, (e) => problem('not-found', e.message)),
  rule(NoMeetingError, (e) => problem('no-meeting', e.message, e.hint)),
  rule(SaveFileError, (e) =>
    problem('storage', e.message, 'Choose another folder, then try again.', { file: e.file }),
  ),
];

interface KindEntry {
  readonly kind: IpcErrorKind;
  /** The app's own next step, where the core's is the CLI's or missing. */
  readonly hint?: (problem: Problem) => string | null;
  /** A sentence safe to send, where the core's could hold anything. */
  readonly message?: (problem: Problem) => string;
}

const SETTINGS_HINT = 'Open Settings and enter the credentials of your Tencent Meeting app.';

/**
 * Which IpcError kind (and so which words and next step) the windows show for each category.
 * Every server refusal is 'api': the windows word it by its code.
 */
export const IPC_KINDS: Readonly<Record<ProblemCategory, KindEntry>> = {
  'bad-input': { kind: 'validation' },
  'not-found': { kind: 'validation' },
  locked: { kind: 'validation' },
  'not-configured': {
    kind: 'not-configured',
    hint: ({ details }) =>
      details.missing === 'operator'
        ? 'Open Settings and enter the operator userid.'
        : details.missing === 'credentials'
          ? SETTINGS_HINT
          : details.missing === 'relay-sign-in'
            ? RELAY_SIGN_IN_HINT
            : 'Fix or unset the WEMEET_* environment variables, then start RoomCall again.',
  },
  'credentials-damaged': {
    kind: 'not-configured',
    hint: () => 'Enter the credentials again in Settings to replace the damaged entry.',
  },
  keychain: { kind: 'keychain' },
  'no-meeting': { kind: 'no-meeting' },
  meeting: { kind: 'meeting' },
  'meeting-ambiguous': { kind: 'meeting' },
  auth: { kind: 'api' },
  clock: { kind: 'api' },
  permission: { kind: 'api' },
  'rate-limit': { kind: 'api' },
  refused: { kind: 'api' },
  server: { kind: 'api' },
  network: { kind: 'network' },
  timeout: { kind: 'timeout' },
  'bad-response': { kind: 'response' },
  busy: { kind: 'busy' },
  storage: { kind: 'storage' },
  cancelled: { kind: 'internal' },
  internal: {
    kind: 'internal',
    // Reported by its class name only: an unknown error's message could hold anything.
    message: ({ details }) =>
      `RoomCall ran into an unexpected problem (${(details.errorName ?? 'unknown').slice(0, 60)}).`,
  },
};

/**
 * Every error, whatever threw it, as the contract's IpcError: the core classifies it, the
 * table above picks the kind. Pure, and safe to send: messages of the core's errors never
 * hold a secret (they are scrubbed where they are made), and an unknown error is reported by
 * its class name only.
 */
export function toIpcError(error: unknown): IpcError {
  const found = classify(error, APP_PROBLEM_RULES);
  const entry = IPC_KINDS[found.category];
  const message = entry.message?.(found) ?? found.message;
  const { method, path } = found.details;
  const request = path === undefined ? null : apiRequestOf(method ?? '', path);
  const relay = relayProblemOf(error);
  return {
    kind: entry.kind,
    message: entry.kind === 'validation' ? asSentence(message) : message,
    code: found.code,
    hint: entry.hint === undefined ? found.hint : entry.hint(found),
    // Which request failed, so the windows word the code for it (a list is not a call).
    ...(request === null ? {} : { request }),
    ...(relay === null ? {} : { relay }),
  };
}

/**
 * A window shows a message on its own, so it must read as a sentence. Some of the favourites'
 * English messages are clauses the CLI builds into its own sentences ("--label: a label must
 * be text."; favorite-messages.ts): here they get a capital and a full stop. Sentences, and
 * the Chinese ones (ending with '。'), pass unchanged.
 */
export function asSentence(message: string): string {
  const capital = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?。！？]$/.test(capital) ? capital : `${capital}.`;
}
