import {
  isTencentErrorCode,
  TENCENT_ERROR_CODES,
  type TencentCodeInfo,
} from '../../../main/shared/tencent-error-codes';
import type { CommonMessages } from '../i18n/common-messages';
import type { HelpTopic, IpcError } from '../../../main/shared/ipc/contract';

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
  /** Main's next step for that sentence (IpcError.hint), shown under it; null with no detail. */
  readonly detailHint: string | null;
}

type KindKey = keyof CommonMessages['errors'];

interface Mapping {
  readonly key: KindKey;
  readonly settings?: boolean;
}

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

/** Tencent's "room call failed": for a SIP/H.323 address it is not "offline in the picker". */
const CALL_FAILED = 10004;

/**
 * The words for an error: a Tencent Meeting code RoomCall knows has its own (from the shared
 * code list, main/shared/tencent-error-codes.ts); anything else reads by its kind.
 */
export function describeError(
  error: IpcError,
  m: CommonMessages,
  called: CalledKind = 'room',
): ErrorCopy {
  const code = error.code;
  const known = code !== null && isTencentErrorCode(code);
  // The core's sentence (and its next step) helps where our words are generic (bad input, an
  // unknown server code); where a code has its own copy, the technical sentence would only
  // add noise.
  const detail =
    error.message !== '' && DETAILED_KINDS.has(error.kind) && !known ? error.message : null;
  const detailHint = detail === null ? null : error.hint;
  if (known) {
    const info: TencentCodeInfo = TENCENT_ERROR_CODES[code];
    const words =
      code === CALL_FAILED && called === 'mra' ? m.errors.addressUnavailable : m.codes[code];
    return {
      title: words.title,
      hint: words.hint,
      code,
      help: info.help ?? null,
      settings: info.settings ?? false,
      detail,
      detailHint,
    };
  }
  const mapping = BY_KIND[error.kind];
  const words = m.errors[mapping.key];
  return {
    title: words.title,
    hint: words.hint,
    code: error.code,
    help: null,
    settings: mapping.settings ?? false,
    detail,
    detailHint,
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
