import type { CommonMessages } from '../i18n/common-messages';
import type { HelpTopic, IpcError } from './types';

/** What the UI says about an error: our own words, the server's code, and a next step. */
export interface ErrorCopy {
  readonly title: string;
  readonly hint: string;
  readonly code: number | null;
  /** A help page that explains the fix, when one exists. */
  readonly help: HelpTopic | null;
  /** Whether fixing it happens in Settings (credentials, operator, keychain). */
  readonly settings: boolean;
  /** Main's own sentence, kept for details (English, or the page's language for bad input). */
  readonly detail: string | null;
}

type ErrorKey = keyof CommonMessages['errors'];

interface Mapping {
  readonly key: ErrorKey;
  readonly help?: HelpTopic;
  readonly settings?: boolean;
}

/** Tencent Meeting error codes people can act on; anything else reads as a generic refusal. */
const BY_CODE: ReadonlyMap<number, Mapping> = new Map<number, Mapping>([
  [190300, { key: 'clock', help: 'clock' }],
  [190303, { key: 'credentials', help: 'credentials', settings: true }],
  [200003, { key: 'signature', help: 'credentials', settings: true }],
  [9042, { key: 'permission', help: 'permissions' }],
  [190315, { key: 'permission', help: 'permissions' }],
  [190310, { key: 'rateLimit' }],
  [190001, { key: 'operator', settings: true }],
  [20001, { key: 'operator', settings: true }],
  [190301, { key: 'replay' }],
  [9003, { key: 'meetingNotFound' }],
  [10004, { key: 'roomUnavailable' }],
]);

const BY_KIND: Readonly<Record<IpcError['kind'], Mapping>> = {
  validation: { key: 'validation' },
  forbidden: { key: 'forbidden' },
  'not-configured': { key: 'notConfigured', settings: true },
  keychain: { key: 'keychain', settings: true },
  'no-meeting': { key: 'noMeeting' },
  meeting: { key: 'meeting' },
  api: { key: 'api' },
  network: { key: 'network' },
  timeout: { key: 'timeout' },
  response: { key: 'response' },
  storage: { key: 'storage' },
  busy: { key: 'busy' },
  internal: { key: 'internal' },
};

/** Kinds whose core message says something our generic copy cannot (which input, why). */
const DETAILED_KINDS = new Set<IpcError['kind']>(['validation', 'meeting', 'api', 'storage']);

/** What was called, when known: a refused call (10004) reads differently for an address. */
export type CalledKind = 'room' | 'mra';

export function describeError(
  error: IpcError,
  m: CommonMessages,
  called: CalledKind = 'room',
): ErrorCopy {
  const byCode = error.code === null ? undefined : BY_CODE.get(error.code);
  // A SIP/H.323 address is not "offline in the room picker": it is unreachable or needs the host.
  const mapping =
    (byCode?.key === 'roomUnavailable' && called === 'mra'
      ? { key: 'addressUnavailable' as const }
      : byCode) ?? BY_KIND[error.kind];
  const words = m.errors[mapping.key];
  return {
    title: words.title,
    hint: words.hint,
    code: error.code,
    help: mapping.help ?? null,
    settings: mapping.settings ?? false,
    // The core's sentence helps where our words are generic (bad input, an unknown server
    // code); where a code has its own copy, the technical sentence would only add noise.
    detail:
      error.message !== '' &&
      DETAILED_KINDS.has(error.kind) &&
      !(error.code !== null && BY_CODE.has(error.code))
        ? error.message
        : null,
  };
}

/**
 * Kinds where sending the same request again can work (a busy or full disk, the keychain
 * unlocked meanwhile, a dropped connection). Main refused the request itself for the others:
 * the same input gets the same answer, so "Try again" would only fail again.
 */
const FINAL_KINDS = new Set<IpcError['kind']>([
  'validation',
  'forbidden',
  'not-configured',
  'no-meeting',
  'meeting',
]);

export function canRetry(error: IpcError): boolean {
  return !FINAL_KINDS.has(error.kind);
}

/** "Title (190300)": one line for tight places such as a call row. */
export function shortError(
  error: IpcError,
  m: CommonMessages,
  called: CalledKind = 'room',
): string {
  const copy = describeError(error, m, called);
  return copy.code === null ? copy.title : `${copy.title} (${String(copy.code)})`;
}
